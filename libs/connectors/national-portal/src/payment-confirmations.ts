import type { Database } from '@lienthong/database';
import { CloudEventHeader, type IncomingRecord } from '@lienthong/kafka';
import { createLogger } from '@lienthong/observability';
import { confirmsNationalPayment, SchemaValidator, type PaymentEvent } from '@lienthong/schemas';

const paymentSchema = new SchemaValidator<PaymentEvent>('payment.v1.json');
const logger = createLogger('portal-payment-confirmations');

/**
 * The payment connector's payment.v1 as the portal record needs it: whether the national payment
 * platform confirmed a dossier's payment through Lienthong (DuocThanhToanTrucTuyen 1). Only a paid
 * event on the national channel counts; a dossier's first confirmation stays, so a copy of an event
 * (at-least-once, same ce_id), a later state of another attempt or an old event replayed changes nothing.
 */
export class PaymentConfirmations {
  constructor(private readonly database: Database) {}

  /** Keeps the confirmations the records carry; answers the dossiers newly confirmed by them. */
  async keep(records: IncomingRecord[]): Promise<string[]> {
    // A dossier's first confirmation in the batch: the rest add nothing, like those of later batches.
    const confirmations = new Map<string, { event: PaymentEvent; eventId: string | null }>();
    for (const record of records) {
      const event = readPaymentEvent(record);
      if (!event || !confirmsNationalPayment(event) || confirmations.has(event.dossierCode)) continue;
      confirmations.set(event.dossierCode, { event, eventId: record.headers[CloudEventHeader.Id] ?? null });
    }
    if (confirmations.size === 0) return [];
    const kept = [...confirmations.values()];
    const rows = await this.database.query<{ dossier_code: string }>(
      `INSERT INTO portal_payment_confirmations (dossier_code, reference, event_id, paid_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])
       ON CONFLICT (dossier_code) DO NOTHING
       RETURNING dossier_code`,
      [
        kept.map(({ event }) => event.dossierCode),
        kept.map(({ event }) => event.reference),
        kept.map(({ eventId }) => eventId),
        kept.map(({ event }) => event.at),
      ],
    );
    return rows.map((row) => row.dossier_code);
  }

  /** Of these dossiers, the ones whose payment the national platform confirmed. */
  async confirmedAmong(dossierCodes: string[]): Promise<Set<string>> {
    const rows = await this.database.query<{ dossier_code: string }>(
      `SELECT dossier_code FROM portal_payment_confirmations WHERE dossier_code = ANY($1)`,
      [dossierCodes],
    );
    return new Set(rows.map((row) => row.dossier_code));
  }
}

/** A payment.v1 event, or undefined (logged with its place) when the record is not one: it confirms nothing. */
function readPaymentEvent(record: IncomingRecord): PaymentEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(record.value?.toString('utf8') ?? '');
  } catch {
    value = undefined;
  }
  const violation = paymentSchema.violation(value);
  if (!violation) return value as PaymentEvent;
  logger.warn(
    { topic: record.topic, partition: record.partition, offset: record.offset, violation },
    'not a payment.v1 event; ignored',
  );
  return undefined;
}
