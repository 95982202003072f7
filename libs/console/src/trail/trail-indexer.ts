import type { Database } from '@lienthong/database';
import {
  AtLeastOnceConsumer,
  DeadLetterHeader,
  type IncomingRecord,
  type KafkaConnection,
  type Topics,
} from '@lienthong/kafka';
import { createLogger } from '@lienthong/observability';
import type { SourceMapper } from '@lienthong/sources';
import { toTrailEntry, type TrailEntry } from './trail-entry';
import type { TopicPlace } from './topic-map';

const PRUNE_EVERY_MS = 3600_000;
const logger = createLogger('console');

const INSERT_TRAIL = `
  INSERT INTO dossier_trail (topic, partition, "offset", kind, stage, dossier_code, event_id, sequence, status, at, headers)
  SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
    $8::bigint[], $9::smallint[], $10::timestamptz[], $11::jsonb[])
  ON CONFLICT DO NOTHING`;

const INSERT_DEAD_LETTERS = `
  INSERT INTO dead_letters (topic, partition, "offset", stage, reason, message, source_system, source_topic,
    source_partition, source_offset, dossier_code, key, value, headers, failed_at)
  SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
    $8::text[], $9::int[], $10::bigint[], $11::text[], $12::text[], $13::bytea[], $14::jsonb[], $15::timestamptz[])
  ON CONFLICT DO NOTHING`;

/**
 * Follows every topic of the flow (sources, dossier.v1, routes, retries, dead letters) in a consumer
 * group of its own and keeps, per message, where it is and which dossier event it carries: the trace
 * of a dossier and the dead-letter index read from here. Idempotent: a batch read twice changes nothing.
 */
export class TrailIndexer {
  private readonly consumer: AtLeastOnceConsumer;
  private readonly mappers: Map<string, SourceMapper>;
  private pruning?: NodeJS.Timeout;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly database: Database,
    topics: Topics,
    private readonly places: Map<string, TopicPlace>,
    mappers: readonly SourceMapper[],
    private readonly topicSpecs: { name: string }[],
    private readonly retentionDays: number,
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
    await this.prune();
    this.pruning = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.pruning.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.pruning);
    await this.consumer.stop();
  }

  /** The trail keeps what the topics keep: older messages leave it. */
  private async prune(): Promise<void> {
    try {
      await this.database.query('DELETE FROM dossier_trail WHERE at < now() - make_interval(days => $1)', [
        this.retentionDays,
      ]);
    } catch (error) {
      logger.warn({ err: error }, 'cannot prune the dossier trail; will try again');
    }
  }

  private sourceSystemOf = (topic: string): string | undefined => {
    const place = this.places.get(topic);
    return place?.kind === 'source' ? place.stage : undefined;
  };

  async index(records: IncomingRecord[]): Promise<void> {
    const entries = records.flatMap((record) => {
      const place = this.places.get(record.topic);
      return place ? [{ entry: toTrailEntry(record, place, this.mappers, this.sourceSystemOf), record }] : [];
    });
    if (entries.length === 0) return;
    await this.database.query(INSERT_TRAIL, columns(entries.map(({ entry }) => entry)));
    const deadLetters = entries.filter(({ entry }) => entry.kind === 'dead_letter');
    if (deadLetters.length > 0) {
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
        header(DeadLetterHeader.SourcePartition),
        header(DeadLetterHeader.SourceOffset),
        column((entry) => entry.dossierCode),
        column((_, record) => record.key?.toString() ?? null),
        column((_, record) => record.value ?? Buffer.alloc(0)),
        column((entry) => JSON.stringify(entry.headers)),
        column((entry) => {
          const failedAt = Date.parse(entry.headers[DeadLetterHeader.FailedAt] ?? '');
          return Number.isNaN(failedAt) ? entry.at : new Date(failedAt);
        }),
      ]);
    }
  }
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
