import { PeriodicTask, type ManagedService } from '@lienthong/bootstrap';
import { inParallel } from '@lienthong/connector-runtime';
import type { AdvisoryLocks, Database } from '@lienthong/database';
import { Counter, createLogger, metricsRegistry } from '@lienthong/observability';
import type { PaymentEvent } from '@lienthong/schemas';
import type { PaymentChanges } from '../callback/payment-changes';
import { subjectOf, type PaymentRecord } from '../ledger/payment-record';
import { paymentEvent } from '../payment-event';
import type { BillAnswer } from '../payment-answers';
import type { PaymentPlatformClient } from '../platform/payment-platform-client';
import type { PaymentReceiptStore, ReceiptToFetch, ReceiptType } from './payment-receipt-store';

/** What one pass did: receipts kept, and GET_BILLs that failed (each tried again later). */
export interface ReceiptFetchReport {
  fetched: number;
  failed: number;
}

export interface PaymentReceiptsOptions {
  /** The receipt's link on payment.v1 (receiptUrlOf with PAYMENT_RECEIPT_BASE_URL). */
  receiptUrl: (reference: string) => string;
  /** Seconds between two passes over the due receipts (0: only when asked, `runNow`). */
  everyS: number;
  /** Seconds before the first retry of a failed GET_BILL; doubled at each failure, up to an hour. */
  retryS: number;
}

const fetches = new Counter({
  name: 'lienthong_payment_receipts_total',
  help: 'GET_BILLs of paid payments, by outcome (fetched, not-available: the platform has none yet, error); a failed one is tried again with backoff',
  labelNames: ['outcome'],
  registers: [metricsRegistry],
});

const BATCH = 100;
const PARALLEL_BILLS = 8;
const LONGEST_RETRY_S = 3600;

/** Seconds until the next GET_BILL after `attempts` failed ones: retryS, doubled each time, at most an hour. */
export const receiptRetryDelayS = (attempts: number, retryS: number): number =>
  Math.min(retryS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_S);

/** Where the console serves a payment's receipt to operators, relative to the console. */
export const receiptPath = (reference: string): string =>
  `/api/v1/payments/${encodeURIComponent(reference)}/receipt`;

/** The receipt's link on payment.v1: the console's address as operators reach it, and receiptPath. */
export const receiptUrlOf = (consoleUrl: string, reference: string): string =>
  `${consoleUrl.replace(/\/+$/, '')}${receiptPath(reference)}`;

/**
 * The receipts of paid payments: each payment made paid is queued in the settling transaction
 * (payment_receipt_fetches); this fetches the due ones by GET_BILL after the fact, every `everyS`, at
 * `runNow()` (after a callback, without holding its answer) and at each reconciliation. A receipt is
 * kept with its payment.v1 receipt update (state paid again, with `receiptUrl`) in one transaction; a
 * failure is tried again later, with backoff. One replica at a time (an advisory lock).
 */
export class PaymentReceipts implements ManagedService {
  private readonly logger = createLogger('payment-receipts');
  private readonly locks: AdvisoryLocks;
  private readonly task: PeriodicTask;

  constructor(
    private readonly store: PaymentReceiptStore,
    private readonly platform: PaymentPlatformClient,
    database: Database,
    private readonly changes: PaymentChanges,
    private readonly options: PaymentReceiptsOptions,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.locks = database.locks();
    this.task = new PeriodicTask({
      name: 'payment-receipts',
      everyMs: options.everyS * 1000,
      run: () => this.fetchDue(),
    });
  }

  async start(): Promise<void> {
    await this.task.start();
  }

  async stop(): Promise<void> {
    await this.task.stop();
  }

  /** Fetches what is due now, without waiting for the next turn; never throws (the next turn retries). */
  runNow(): Promise<void> {
    return this.task.runNow();
  }

  /** Every due receipt, once; nothing when another replica is fetching. */
  async fetchDue(): Promise<ReceiptFetchReport> {
    const run = await this.locks.tryHold('payment-receipts', 'payment', () => this.fetchAlone());
    return run.held ? run.result : { fetched: 0, failed: 0 };
  }

  private async fetchAlone(): Promise<ReceiptFetchReport> {
    const report: ReceiptFetchReport = { fetched: 0, failed: 0 };
    // One batch per pass: a failed GET_BILL is due again only after its backoff.
    const due = await this.store.due(this.clock(), BATCH);
    await inParallel(due, PARALLEL_BILLS, async (item) => {
      if (await this.fetchOne(item)) report.fetched++;
      else report.failed++;
    });
    return report;
  }

  private async fetchOne({ payment, attempts }: ReceiptToFetch): Promise<boolean> {
    const { reference, dossierCode } = payment;
    let failure: string;
    try {
      const receipt = keptForm(await this.platform.bill(payment));
      if (typeof receipt !== 'string') {
        const event = this.receiptEvent(payment);
        if (await this.store.keep(reference, receipt, event)) await this.changes.onChange(event);
        fetches.inc({ outcome: 'fetched' });
        return true;
      }
      failure = receipt;
      fetches.inc({ outcome: 'not-available' });
    } catch (error) {
      failure = (error as Error).message;
      fetches.inc({ outcome: 'error' });
    }
    const delayS = receiptRetryDelayS(attempts + 1, this.options.retryS);
    await this.store.postpone(reference, failure, new Date(this.clock().getTime() + delayS * 1000));
    this.logger.warn(
      { reference, dossierCode, attempts: attempts + 1, delayS, failure },
      'receipt not fetched',
    );
    return false;
  }

  /** The receipt update: the payment's paid event again, now with where its receipt is served. */
  private receiptEvent(payment: PaymentRecord): PaymentEvent {
    return paymentEvent(
      subjectOf(payment),
      {
        state: 'paid',
        platformTransactionId: payment.platformTransactionId ?? '',
        bank: payment.bank,
        receiptUrl: this.options.receiptUrl(payment.reference),
      },
      this.clock(),
    );
  }
}

/** What is kept of a GET_BILL answer: the PDF, or the platform's JSON; why not, when it has none yet. */
function keptForm(answer: BillAnswer): { contentType: ReceiptType; body: Buffer } | string {
  switch (answer.kind) {
    case 'pdf':
      return { contentType: 'application/pdf', body: answer.pdf };
    case 'json':
      return { contentType: 'application/json', body: Buffer.from(JSON.stringify(answer.receipt)) };
    case 'not-available':
      return `no receipt yet (MaLoi ${answer.code}: ${answer.description})`;
  }
}
