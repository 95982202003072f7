import type { PaymentEvent } from '@lienthong/schemas';
import type { PoolClient } from 'pg';
import { paymentEvent } from '../payment-event';
import { subjectOf, type PaymentRecord } from './payment-record';
import { changeOf } from './payment-settlements';

/**
 * Writes the payment.v1 event of the state a payment just reached into the outbox (`payment_events`,
 * migration 022), on the client of the transaction that made the change: both commit or neither does.
 */
export async function recordChange(client: PoolClient, payment: PaymentRecord, at: Date): Promise<void> {
  await recordEvent(client, paymentEvent(subjectOf(payment), changeOf(payment), at));
}

/** Writes one payment.v1 event into the outbox, on the client of the transaction it belongs to. */
export async function recordEvent(client: PoolClient, event: PaymentEvent): Promise<void> {
  await client.query('INSERT INTO payment_events (request_id, dossier_code, event) VALUES ($1, $2, $3)', [
    event.requestId,
    event.dossierCode,
    JSON.stringify(event),
  ]);
}
