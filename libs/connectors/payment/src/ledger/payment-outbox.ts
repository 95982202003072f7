import type { PaymentEvent } from '@lienthong/schemas';
import type { PoolClient } from 'pg';
import { paymentEvent } from '../payment-event';
import { subjectOf, type PaymentRecord } from './payment-record';
import { changeOf } from './payment-settlements';

/** A state a payment just reached, and when. */
export interface Change {
  payment: PaymentRecord;
  at: Date;
}

/**
 * Writes the payment.v1 events of the states payments just reached into the outbox (`payment_events`,
 * migration 022), in the order given (the relay publishes in id order), on the client of the
 * transaction that made the changes: both commit or neither does. One statement however many.
 */
export async function recordChanges(client: PoolClient, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  const events = changes.map(({ payment, at }) => paymentEvent(subjectOf(payment), changeOf(payment), at));
  await client.query(
    `INSERT INTO payment_events (request_id, dossier_code, event)
     SELECT request_id, dossier_code, event
     FROM unnest($1::text[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS e (request_id, dossier_code, event, n)
     ORDER BY n`,
    [
      changes.map(({ payment }) => payment.requestId),
      changes.map(({ payment }) => payment.dossierCode),
      events.map((event) => JSON.stringify(event)),
    ],
  );
}

export const recordChange = (client: PoolClient, payment: PaymentRecord, at: Date): Promise<void> =>
  recordChanges(client, [{ payment, at }]);

/** Writes one payment.v1 event into the outbox, on the client of the transaction it belongs to. */
export async function recordEvent(client: PoolClient, event: PaymentEvent): Promise<void> {
  await client.query('INSERT INTO payment_events (request_id, dossier_code, event) VALUES ($1, $2, $3)', [
    event.requestId,
    event.dossierCode,
    JSON.stringify(event),
  ]);
}
