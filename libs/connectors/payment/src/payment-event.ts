import type { PaymentEvent, PaymentRequest } from '@lienthong/schemas';
import { vietnamIso } from './payment-time';

/** The request and the attempt a payment.v1 event speaks of (a request as read, or a ledger row). */
export interface PaymentSubject {
  request: Pick<PaymentRequest, 'requestId' | 'dossierCode' | 'channel'>;
  reference: string;
  /** The total asked, whole VND (totalOf the fees). */
  amount: number;
}

/** One change of state, with what SOURCES.md puts on payment.v1 for it. */
export type PaymentChange =
  | { state: 'initiated'; paymentUrl: string }
  | { state: 'paid'; platformTransactionId: string; bank?: string; receiptUrl?: string }
  | { state: 'failed'; reason: string; platformTransactionId?: string; bank?: string }
  | { state: 'refused'; reason: string };

/** The payment.v1 event of a change of state (key = dossier code); absent fields are left out. */
export function paymentEvent(subject: PaymentSubject, change: PaymentChange, at: Date): PaymentEvent {
  const { request, reference, amount } = subject;
  const details = Object.fromEntries(
    Object.entries(change).filter(([, value]) => value !== undefined && value !== ''),
  ) as PaymentChange;
  return {
    requestId: request.requestId,
    dossierCode: request.dossierCode,
    reference,
    amount,
    channel: request.channel,
    ...details,
    at: vietnamIso(at),
  };
}
