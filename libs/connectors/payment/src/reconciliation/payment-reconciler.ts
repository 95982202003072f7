import { inParallel } from '@lienthong/connector-runtime';
import type { AdvisoryLocks, Database } from '@lienthong/database';
import { LienthongError } from '@lienthong/errors';
import { Counter, createLogger, metricsRegistry } from '@lienthong/observability';
import type { PaymentChanges } from '../callback/payment-changes';
import { applyQueryAnswer } from '../ledger/apply-query-answer';
import type { PaymentLedger } from '../ledger/payment-ledger';
import { subjectOf, type PaymentRecord } from '../ledger/payment-record';
import { changeOf } from '../ledger/payment-settlements';
import { paymentEvent } from '../payment-event';
import type { PaymentPlatformClient } from '../platform/payment-platform-client';
import type { PaymentReceipts } from '../receipts/payment-receipts';

/** What one run did: payments QUERY'd, what their answers moved, receipts fetched; `errors` counts QUERY and GET_BILL failures. */
export interface PaymentReconcileReport {
  queried: number;
  paid: number;
  failed: number;
  pending: number;
  receipts: number;
  errors: number;
}

/** Which initiated payments a run looks at: INIT made more than afterS seconds, less than windowH hours ago. */
export interface ReconcileWindow {
  afterS: number;
  windowH: number;
}

/** A run's window (the configured one unless given) and who hears its progress (the CLI's bar). */
export type ReconcileOptions = Partial<ReconcileWindow> & {
  onProgress?: (queried: number, total: number) => void;
};

/** Another replica is reconciling payments now: one run at a time across all of them. */
export class PaymentReconciliationBusyError extends LienthongError {
  constructor() {
    super('PAYMENT_RECONCILIATION_BUSY', 'another payment reconciliation is running', { retriable: true });
  }
}

const reconciled = new Counter({
  name: 'lienthong_payment_reconciled_total',
  help: "Payments QUERY'd by reconciliation, by what the answer did (paid, failed, pending, kept: settled meanwhile by a callback, error)",
  labelNames: ['outcome'],
  registers: [metricsRegistry],
});

const PARALLEL_QUERIES = 8;

/**
 * Lost callbacks, found by QUERY: every national payment still initiated in the window is asked for;
 * "1" is applied exactly as a verified callback, "4" fails it, "3" waits for the next run. Then the
 * receipts due are fetched (PaymentReceipts), those of the payments just found paid among them. The
 * changes go to `changes` as payment.v1 events.
 */
export class PaymentReconciler {
  private readonly logger = createLogger('payment-reconciliation');
  private readonly locks: AdvisoryLocks;

  constructor(
    private readonly ledger: PaymentLedger,
    private readonly platform: PaymentPlatformClient,
    private readonly receipts: PaymentReceipts,
    database: Database,
    private readonly changes: PaymentChanges,
    private readonly window: ReconcileWindow,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.locks = database.locks();
  }

  /**
   * One run: `onProgress` hears how many of the payments found were queried (0 of the total first).
   * Throws PaymentReconciliationBusyError when a run is going on elsewhere.
   */
  async run(options: ReconcileOptions = {}): Promise<PaymentReconcileReport> {
    const { afterS, windowH } = { ...this.window, ...options };
    const run = await this.locks.tryHold('payment-reconciliation', 'payment', () =>
      this.runAlone(afterS, windowH, options.onProgress),
    );
    if (!run.held) throw new PaymentReconciliationBusyError();
    return run.result;
  }

  private async runAlone(
    afterS: number,
    windowH: number,
    onProgress: ReconcileOptions['onProgress'] = () => undefined,
  ): Promise<PaymentReconcileReport> {
    const now = this.clock().getTime();
    const since = new Date(now - windowH * 3_600_000);
    const before = new Date(now - afterS * 1000);
    const report: PaymentReconcileReport = {
      queried: 0,
      paid: 0,
      failed: 0,
      pending: 0,
      receipts: 0,
      errors: 0,
    };
    const payments = await this.ledger.initiatedBetween(since, before);
    onProgress(0, payments.length);
    await inParallel(payments, PARALLEL_QUERIES, async (payment) => {
      const outcome = await this.reconcile(payment);
      if (outcome !== 'kept') report[outcome]++;
      reconciled.inc({ outcome: outcome === 'errors' ? 'error' : outcome });
      onProgress(++report.queried, payments.length);
    });
    // The receipts due now, those of the payments just found paid among them.
    const bills = await this.receipts.fetchDue();
    report.receipts = bills.fetched;
    report.errors += bills.failed;
    if (report.errors > 0) this.logger.warn(report, 'payment reconciliation left errors');
    return report;
  }

  private async reconcile(
    payment: PaymentRecord,
  ): Promise<'paid' | 'failed' | 'pending' | 'kept' | 'errors'> {
    const { reference, dossierCode } = payment;
    try {
      const applied = await applyQueryAnswer(this.ledger, payment, await this.platform.query(payment));
      if (applied.answer === 'query-refused') {
        this.logger.warn({ reference, dossierCode }, 'the platform does not know an initiated payment');
        return 'errors';
      }
      if (applied.answer === 'pending') return 'pending';
      // Settled meanwhile (a callback won the race): nothing to apply, nothing to tell.
      if (!applied.moved) return 'kept';
      await this.changes.onChange(
        paymentEvent(subjectOf(applied.moved), changeOf(applied.moved), this.clock()),
      );
      return applied.answer;
    } catch (error) {
      this.logger.warn({ reference, dossierCode, err: error }, 'could not reconcile payment');
      return 'errors';
    }
  }
}
