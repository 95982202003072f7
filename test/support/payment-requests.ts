import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import { cloudEventHeaders } from '@lienthong/kafka';
import {
  paymentEvent,
  paymentEventId,
  PAYMENT_EVENT_TYPE,
  queryMessage,
  type PaymentChange,
  type PaymentRecord,
} from '@lienthong/payment';
import type { PaymentRequest } from '@lienthong/schemas';
import axios from 'axios';

/** The payment request behind DOMAIN.md's worked example (test/fixtures/contracts/payment/source). */
export const paymentRequestTemplate = JSON.parse(
  readFileSync(
    projectPath('test', 'fixtures', 'contracts', 'payment', 'source', 'payment-request.json'),
    'utf8',
  ),
) as PaymentRequest;

/** A request of its own: a fresh requestId, and a dossier code and amount that tell it apart. */
export const paymentRequestNumber = (n: number): PaymentRequest => ({
  ...paymentRequestTemplate,
  requestId: randomUUID(),
  dossierCode: `000.00.12.H26-240815-${String(n).padStart(4, '0')}`,
  fees: [{ ...paymentRequestTemplate.fees[0], amount: 10_000 + n * 1_000 }],
});

/** The fields of a QUERY answer that a result callback does not carry. */
const QUERY_ONLY = new Set(['MoTaLoi', 'TrangThaiGD']);

/**
 * The platform's signed result of a payment, as a callback would carry it, taken from the platform
 * sandbox's QUERY answer (ask it with its faults off).
 */
export async function signedResultOf(
  sandboxUrl: string,
  payment: PaymentRecord,
  secret: string,
): Promise<Record<string, unknown>> {
  const message = queryMessage(payment.reference, payment.initiatedAt, { partnerCode: 'LIENTHONG', secret });
  const { data } = await axios.post<Record<string, unknown>>(`${sandboxUrl}/api/payment`, message);
  return Object.fromEntries(Object.entries(data).filter(([name]) => !QUERY_ONLY.has(name)));
}

/**
 * The payment.v1 records of one payment of a dossier, as the payment connector publishes them (its
 * CloudEvents headers and ids): give each change, and an outbox id to send a copy of one.
 */
export function paymentEvents(
  dossierCode: string,
  channel: 'national' | 'provincial' = 'national',
): (
  change: PaymentChange,
  outboxId?: string,
) => { key: string; value: string; headers: Record<string, string> } {
  const subject = {
    request: { requestId: randomUUID(), dossierCode, channel },
    reference: `LT${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`,
    amount: 75_000,
  };
  return (change, outboxId = randomUUID()) => ({
    key: dossierCode,
    value: JSON.stringify(paymentEvent(subject, change, new Date())),
    headers: cloudEventHeaders({
      id: paymentEventId(outboxId),
      source: 'lienthong/connector/payment',
      type: PAYMENT_EVENT_TYPE,
      time: new Date().toISOString(),
      subject: dossierCode,
    }),
  });
}

/** The changes a payment goes through, as the payment connector words them. */
export const PAYMENT_CHANGES = {
  initiated: { state: 'initiated', paymentUrl: 'https://thanhtoan.example/pay/1' },
  paid: { state: 'paid', platformTransactionId: 'PP2408151431220001', bank: 'VCB' },
  failed: { state: 'failed', reason: '01: Giao dịch không thành công' },
} as const satisfies Record<string, PaymentChange>;
