import { PaymentLedger, PaymentReceiptStore } from '@lienthong/payment';
import { Injectable } from '@nestjs/common';
import type { PaymentsAnswer } from '../api-answers';
import { paymentView, refusedCallbackView } from './payment-views';

// The page lists what an operator acts on; more than this many of one kind is an incident, not a list.
const MOST_LISTED = 200;

/**
 * The payments an operator looks after: pending (initiated, waiting for the platform's result),
 * failed and refused ones, paid ones whose receipt is still missing, and the callbacks refused
 * (forged, unknown MaThamChieu, another partner, unreadable).
 */
@Injectable()
export class PaymentsOverview {
  constructor(
    private readonly ledger: PaymentLedger,
    private readonly receipts: PaymentReceiptStore,
  ) {}

  async overview(reconcile: boolean): Promise<PaymentsAnswer> {
    const [pending, failed, missing, refused] = await Promise.all([
      this.ledger.latestIn(['initiated'], MOST_LISTED),
      this.ledger.latestIn(['failed', 'refused'], MOST_LISTED),
      this.receipts.missing(MOST_LISTED),
      this.ledger.refusedCallbacks(MOST_LISTED),
    ]);
    return {
      pending: pending.map(paymentView),
      failed: failed.map(paymentView),
      receiptsMissing: missing.map((one) => ({
        reference: one.reference,
        dossierCode: one.dossierCode,
        attempts: one.attempts,
        nextTry: one.dueAt.toISOString(),
        lastError: one.lastError ?? null,
      })),
      refusedCallbacks: refused.map(refusedCallbackView),
      reconcile,
    };
  }

  /** Every payment of a dossier, oldest first (its trace). */
  async ofDossier(dossierCode: string) {
    return (await this.ledger.paymentsOf(dossierCode)).map(paymentView);
  }
}
