import { isDataError, type Database } from '@lienthong/database';
import {
  AtLeastOnceConsumer,
  DeadLetterHeader,
  type IncomingRecord,
  type KafkaConnection,
  type Topics,
} from '@lienthong/kafka';
import type { SourceMapper } from '@lienthong/sources';
import { skipMessage } from './index-skips';
import { storableHeaders, storableText, wholeNumber } from './storable';
import { toTrailEntry, type TrailEntry } from './trail-entry';
import type { TopicPlace } from './topic-map';

const INT_MAX = 2 ** 31 - 1;

const INSERT_TRAIL = `
  INSERT INTO dossier_trail (topic, partition, "offset", kind, stage, dossier_code, event_id, sequence, status, at, headers)
  SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
    $8::bigint[], $9::smallint[], $10::timestamptz[], $11::jsonb[])
  ON CONFLICT DO NOTHING`;

const INSERT_DEAD_LETTERS = `
  INSERT INTO dead_letters (topic, partition, "offset", stage, reason, message, source_system, source_topic,
    source_partition, source_offset, dossier_code, key, value, headers, failed_at, key_bytes, headers_bytes)
  SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
    $8::text[], $9::int[], $10::bigint[], $11::text[], $12::text[], $13::bytea[], $14::jsonb[], $15::timestamptz[],
    $16::bytea[], $17::bytea[])
  ON CONFLICT DO NOTHING`;

interface Indexed {
  entry: TrailEntry;
  record: IncomingRecord;
}

/**
 * Follows every topic of the flow (sources, dossier.v1, routes, retries, dead letters) in a consumer
 * group of its own and keeps, per message, where it is and which dossier event it carries: the trace
 * of a dossier and the dead-letter index read from here. Idempotent: a batch read twice changes nothing.
 * Any bytes are stored (`storable`); a message that still cannot be kept is skipped with a metric and a
 * log line, so it never stalls the index. Old rows go with the console's `Retention`.
 */
export class TrailIndexer {
  private readonly consumer: AtLeastOnceConsumer;
  private readonly mappers: Map<string, SourceMapper>;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly database: Database,
    topics: Topics,
    private readonly places: Map<string, TopicPlace>,
    mappers: readonly SourceMapper[],
    private readonly topicSpecs: { name: string }[],
  ) {
    this.mappers = new Map(mappers.map((mapper) => [mapper.system, mapper]));
    this.consumer = new AtLeastOnceConsumer(kafka, {
      groupId: topics.group('lienthong.console.trail'),
      topics: [...places.keys()],
      handleBatch: (records) => this.index(records),
    });
  }

  async start(): Promise<void> {
    await this.kafka.ensureTopics(this.topicSpecs);
    await this.consumer.start();
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
  }

  private sourceSystemOf = (topic: string): string | undefined => {
    const place = this.places.get(topic);
    return place?.kind === 'source' ? place.stage : undefined;
  };

  async index(records: IncomingRecord[]): Promise<void> {
    const rows = records.flatMap((record) => {
      const place = this.places.get(record.topic);
      if (!place) return [];
      try {
        const entry = toTrailEntry(record, place, this.mappers, this.sourceSystemOf);
        return [{ entry: storable(entry), record }];
      } catch (error) {
        skipMessage(record, 'unreadable', error);
        return [];
      }
    });
    if (rows.length === 0) return;
    try {
      await this.writeTrail(rows);
      await this.writeDeadLetters(rows);
    } catch (error) {
      if (!isDataError(error)) throw error;
      // One message spoils the batch's statement: each is written alone, and what is at fault skipped.
      for (const row of rows) {
        await this.writeAlone(row, 'dossier_trail', () => this.writeTrail([row]));
        await this.writeAlone(row, 'dead_letters', () => this.writeDeadLetters([row]));
      }
    }
  }

  private async writeAlone(
    row: Indexed,
    table: 'dossier_trail' | 'dead_letters',
    write: () => Promise<void>,
  ): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!isDataError(error)) throw error;
      skipMessage(row.record, table, error);
    }
  }

  private async writeTrail(rows: Indexed[]): Promise<void> {
    await this.database.query(INSERT_TRAIL, columns(rows.map(({ entry }) => entry)));
  }

  private async writeDeadLetters(rows: Indexed[]): Promise<void> {
    const deadLetters = rows.filter(({ entry }) => entry.kind === 'dead_letter');
    if (deadLetters.length === 0) return;
    const column = <T>(pick: (entry: TrailEntry, record: IncomingRecord) => T) =>
      deadLetters.map(({ entry, record }) => pick(entry, record));
    const header = (name: string) => column((entry) => entry.headers[name] ?? null);
    await this.database.query(INSERT_DEAD_LETTERS, [
      column((entry) => entry.topic),
      column((entry) => entry.partition),
      column((entry) => entry.offset),
      column((entry) => entry.stage),
      column((entry) => entry.headers[DeadLetterHeader.Reason] ?? 'UNKNOWN'),
      column((entry) => entry.headers[DeadLetterHeader.Message] ?? ''),
      column(
        (entry) =>
          entry.sourceSystem ??
          this.sourceSystemOf(entry.headers[DeadLetterHeader.SourceTopic] ?? '') ??
          null,
      ),
      header(DeadLetterHeader.SourceTopic),
      column((entry) => wholeNumber(entry.headers[DeadLetterHeader.SourcePartition], INT_MAX)),
      column((entry) => wholeNumber(entry.headers[DeadLetterHeader.SourceOffset], Number.MAX_SAFE_INTEGER)),
      column((entry) => entry.dossierCode),
      column((_, record) => storableText(record.key?.toString() ?? null)),
      column((_, record) => record.value ?? Buffer.alloc(0)),
      column((entry) => JSON.stringify(entry.headers)),
      column((entry) => {
        const failedAt = Date.parse(entry.headers[DeadLetterHeader.FailedAt] ?? '');
        return Number.isNaN(failedAt) ? entry.at : new Date(failedAt);
      }),
      column((_, record) => record.key),
      column((_, record) => Buffer.from(JSON.stringify(record.headers))),
    ]);
  }
}

/** The entry's text as PostgreSQL can hold it; its place and numbers are the broker's or checked. */
function storable(entry: TrailEntry): TrailEntry {
  return {
    ...entry,
    dossierCode: storableText(entry.dossierCode),
    eventId: storableText(entry.eventId),
    sourceSystem: storableText(entry.sourceSystem),
    headers: storableHeaders(entry.headers),
  };
}

function columns(entries: TrailEntry[]): unknown[] {
  return [
    entries.map((entry) => entry.topic),
    entries.map((entry) => entry.partition),
    entries.map((entry) => entry.offset),
    entries.map((entry) => entry.kind),
    entries.map((entry) => entry.stage),
    entries.map((entry) => entry.dossierCode),
    entries.map((entry) => entry.eventId),
    entries.map((entry) => entry.sequence),
    entries.map((entry) => entry.status),
    entries.map((entry) => entry.at),
    entries.map((entry) => JSON.stringify(entry.headers)),
  ];
}
