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
 * Writes the payment.v1 events of the states payments just reached into the outbox, in the order given:
 * see recordEvents.
 */
export const recordChanges = (client: PoolClient, changes: readonly Change[]): Promise<void> =>
  recordEvents(
    client,
    changes.map(({ payment, at }) => paymentEvent(subjectOf(payment), changeOf(payment), at)),
  );

export const recordChange = (client: PoolClient, payment: PaymentRecord, at: Date): Promise<void> =>
  recordChanges(client, [{ payment, at }]);

/**
 * Writes payment.v1 events into the outbox (`payment_events`, migration 022), in the order given (the
 * relay publishes in id order), on the client of the transaction that made the changes: both commit or
 * neither does. One statement however many.
 */
export async function recordEvents(client: PoolClient, events: readonly PaymentEvent[]): Promise<void> {
  if (events.length === 0) return;
  await client.query(
    `INSERT INTO payment_events (request_id, dossier_code, event)
     SELECT request_id, dossier_code, event
     FROM unnest($1::text[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS e (request_id, dossier_code, event, n)
     ORDER BY n`,
    [
      events.map((event) => event.requestId),
      events.map((event) => event.dossierCode),
      events.map((event) => JSON.stringify(event)),
    ],
  );
}
