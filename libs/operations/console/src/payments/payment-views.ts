import { receiptPath, type PaymentRecord, type RefusedCallbackRecord } from '@lienthong/payment';
import { maskPersonalData } from '@lienthong/personal-data';

/** One payment as the console shows it (the ledger holds no personal data: the payer stays in the request). */
export interface PaymentView {
  reference: string;
  requestId: string;
  dossierCode: string;
  state: PaymentRecord['state'];
  amount: number;
  channel: PaymentRecord['channel'];
  paymentUrl: string | null;
  platformTransactionId: string | null;
  bank: string | null;
  reason: string | null;
  amountDiffers: boolean;
  initiatedAt: string;
  settledAt: string | null;
  /** The receipt's path on this console, once fetched (operators only). */
  receipt: string | null;
}

export function paymentView(payment: PaymentRecord): PaymentView {
  return {
    reference: payment.reference,
    requestId: payment.requestId,
    dossierCode: payment.dossierCode,
    state: payment.state,
    amount: payment.amount,
    channel: payment.channel,
    paymentUrl: payment.paymentUrl ?? null,
    platformTransactionId: payment.platformTransactionId ?? null,
    bank: payment.bank ?? null,
    reason: payment.reason ?? null,
    amountDiffers: payment.amountDiffers,
    initiatedAt: payment.initiatedAt.toISOString(),
    settledAt: payment.settledAt?.toISOString() ?? null,
    receipt: payment.hasReceipt ? receiptPath(payment.reference) : null,
  };
}

/** A refused callback as the console shows it. */
export interface RefusedCallbackView {
  receivedAt: string;
  reason: string;
  reference: string | null;
  remoteAddress: string | null;
  body: unknown;
}

/**
 * A refused callback, its body masked for every role: a forged body may carry anything, and the
 * platform's own fields (reference, amount, transaction, time) stay readable.
 */
export function refusedCallbackView(
  refused: RefusedCallbackRecord & { receivedAt: Date },
): RefusedCallbackView {
  return {
    receivedAt: refused.receivedAt.toISOString(),
    reason: refused.reason,
    reference: refused.reference ?? null,
    remoteAddress: refused.remoteAddress ?? null,
    body: maskPersonalData(refused.body),
  };
}
