import type { PaymentRequest } from '@lienthong/schemas';
import type { PaymentSubject } from '../payment-event';
import type { PaymentState } from '../payment-state';

/** One payment as the ledger holds it (table `payments`, migration 020); no personal data. */
export interface PaymentRecord {
  requestId: string;
  reference: string;
  attempt: number;
  dossierCode: string;
  /** The total asked, whole VND. */
  amount: number;
  channel: PaymentRequest['channel'];
  state: PaymentState;
  paymentUrl?: string;
  platformTransactionId?: string;
  bank?: string;
  reason?: string;
  amountDiffers: boolean;
  /** The INIT's ThoiGianGD as sent: a repeated INIT, QUERY and GET_BILL carry it again. */
  initTime: string;
  initiatedAt: Date;
  settledAt?: Date;
  hasReceipt: boolean;
  updatedAt: Date;
}

/** The row as PostgreSQL hands it over (bigint as text). */
export interface PaymentRow {
  request_id: string;
  reference: string;
  attempt: number;
  dossier_code: string;
  amount: string;
  channel: string;
  state: string;
  payment_url: string | null;
  platform_transaction_id: string | null;
  bank: string | null;
  reason: string | null;
  amount_differs: boolean;
  thoi_gian_gd: string;
  initiated_at: Date;
  settled_at: Date | null;
  has_receipt: boolean;
  updated_at: Date;
}

/** The columns a PaymentRow is read from `payments` (the receipt itself stays in payment_receipts). */
export const PAYMENT_COLUMNS = `request_id, reference, attempt, dossier_code, amount, channel, state,
  payment_url, platform_transaction_id, bank, reason, amount_differs, thoi_gian_gd, initiated_at,
  settled_at, updated_at,
  EXISTS (SELECT 1 FROM payment_receipts held WHERE held.reference = payments.reference) AS has_receipt`;

export function paymentRecordOf(row: PaymentRow): PaymentRecord {
  return {
    requestId: row.request_id,
    reference: row.reference,
    attempt: row.attempt,
    dossierCode: row.dossier_code,
    amount: Number(row.amount),
    channel: row.channel as PaymentRecord['channel'],
    state: row.state as PaymentState,
    paymentUrl: row.payment_url ?? undefined,
    platformTransactionId: row.platform_transaction_id ?? undefined,
    bank: row.bank ?? undefined,
    reason: row.reason ?? undefined,
    amountDiffers: row.amount_differs,
    initTime: row.thoi_gian_gd,
    initiatedAt: row.initiated_at,
    settledAt: row.settled_at ?? undefined,
    hasReceipt: row.has_receipt,
    updatedAt: row.updated_at,
  };
}

/** What a payment.v1 event of this payment speaks of. */
export const subjectOf = (payment: PaymentRecord): PaymentSubject => ({
  request: { requestId: payment.requestId, dossierCode: payment.dossierCode, channel: payment.channel },
  reference: payment.reference,
  amount: payment.amount,
});
