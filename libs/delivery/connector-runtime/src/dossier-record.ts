import type { IncomingRecord } from '@lienthong/kafka';
import { traceIdOf } from '@lienthong/observability';
import { eventIdOf, SchemaValidator, type DossierEvent } from '@lienthong/schemas';
import type { TargetState } from './connector';

/** A dossier event as consumed: the Kafka record it came in, and what it says. */
export interface DossierRecord {
  record: IncomingRecord;
  dossier: DossierEvent;
}

/** New events of one dossier, in sequence order, and what the target holds of it. */
export interface PendingDossier {
  events: DossierRecord[];
  previous: TargetState | undefined;
}

// Tolerant: a newer hub's optional fields must not make this connector dead-letter its events.
const dossierSchema = new SchemaValidator<DossierEvent>('dossier.v1.json', { tolerant: true });

/** The batch's dossier events, in batch order, and the records that are no dossier.v1 event. */
export function parseBatch(records: IncomingRecord[]): {
  events: DossierRecord[];
  invalid: IncomingRecord[];
} {
  const events: DossierRecord[] = [];
  const invalid: IncomingRecord[] = [];
  for (const record of records) {
    const dossier = parseDossier(record.value);
    if (dossier) events.push({ record, dossier });
    else invalid.push(record);
  }
  return { events, invalid };
}

function parseDossier(value: Buffer | null): DossierEvent | undefined {
  try {
    const parsed: unknown = JSON.parse(value?.toString('utf8') ?? '');
    return dossierSchema.is(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** An event's identity: its source system and the id that system gave it. */
export const eventId = (dossier: DossierEvent): string => eventIdOf(dossier.provenance);

/** What every log line about an event names. */
export const locate = ({ record, dossier }: DossierRecord) => ({
  topic: record.topic,
  partition: record.partition,
  offset: record.offset,
  dossierCode: dossier.dossierCode,
  eventId: eventId(dossier),
  traceId: traceIdOf(record.headers.traceparent),
});
