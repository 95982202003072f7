import type { IncomingRecord } from '@lienthong/kafka';
import { traceIdOf } from '@lienthong/observability';
import { eventIdOf, type DossierEvent } from '@lienthong/schemas';
import type { TargetState } from './connector';
import { PermanentError } from './errors';
import type { Intake, ItemKey } from './intake';

/** An item as consumed (a dossier event unless the connector's intake reads another kind): its record, the item, its key. */
export interface DossierRecord<Item = DossierEvent> {
  record: IncomingRecord;
  item: Item;
  key: ItemKey;
}

/** New items of one subject, in sequence order, and what the target holds of it. */
export interface PendingDossier<Item = DossierEvent> {
  events: DossierRecord<Item>[];
  previous: TargetState | undefined;
}

/**
 * The batch's items, in batch order, and the records the intake cannot read, with why; records not
 * meant for this connector (`isFor`) are neither.
 */
export function parseBatch<Item>(
  records: IncomingRecord[],
  intake: Intake<Item>,
  isFor: (record: IncomingRecord) => boolean,
): {
  events: DossierRecord<Item>[];
  invalid: { record: IncomingRecord; error: PermanentError }[];
} {
  const events: DossierRecord<Item>[] = [];
  const invalid: { record: IncomingRecord; error: PermanentError }[] = [];
  for (const record of records) {
    if (!isFor(record)) continue;
    try {
      const item = intake.read(record);
      events.push({ record, item, key: intake.keyOf(item) });
    } catch (error) {
      if (!(error instanceof PermanentError)) throw error;
      invalid.push({ record, error });
    }
  }
  return { events, invalid };
}

/** An item's identity: its source system and the id that system gave it. */
export const eventId = (key: ItemKey): string => eventIdOf(key);

/** What every log line about an item names. */
export const locate = ({ record, key }: DossierRecord<unknown>) => ({
  topic: record.topic,
  partition: record.partition,
  offset: record.offset,
  dossierCode: key.dossierCode,
  eventId: eventId(key),
  traceId: traceIdOf(record.headers.traceparent),
});
