import { whileTopicsSettle } from './topics-settle';
import { LienthongError } from '@lienthong/errors';
import { createLogger, type Logger } from '@lienthong/observability';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type ConsumerConfig,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import type { KafkaConfig } from './kafka.config';
import { kafkaSecurity } from './kafka-security';
import type { OutgoingRecord } from './records';
import type { TopicSpec } from './topics';

const LEVEL_NAMES: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

const RETRIED_BY_CLIENT =
  /coordinator is loading|coordinator is not available|not the correct coordinator|another concurrent operation|leader/i;

/**
 * The one place the Kafka client library is used, so it can be replaced. Owns the client, and closes
 * every producer, consumer and admin it handed out.
 */
export class KafkaConnection {
  private readonly kafka: Kafka;
  private readonly logger: Logger;
  private readonly open = new Set<{ disconnect(): Promise<void> }>();
  private admin?: Admin;

  constructor(private readonly config: KafkaConfig) {
    this.logger = createLogger('kafka');
    const { ssl, sasl } = kafkaSecurity(config);
    this.kafka = new Kafka({
      clientId: config.KAFKA_CLIENT_ID,
      brokers: config.KAFKA_BROKERS.split(',').map((broker) => broker.trim()),
      ssl: ssl || undefined,
      sasl,
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.logClientEntry(entry),
      retry: { initialRetryTime: 200, retries: 10 },
    });
  }

  /**
   * Creates the topics that do not exist yet. Several apps start at once and create overlapping sets:
   * a topic another app created first is fine, and a new topic is only used once every partition has
   * a leader the metadata can name.
   */
  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    await whileTopicsSettle.execute(() => this.createMissingTopics(topics));
  }

  private async createMissingTopics(topics: TopicSpec[]): Promise<void> {
    const admin = await this.getAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic.name));
    if (missing.length > 0) {
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic: topic.name,
            numPartitions: topic.partitions ?? this.config.KAFKA_PARTITIONS,
            replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
            configEntries: Object.entries({ 'retention.ms': this.retentionMs(topic), ...topic.config }).map(
              ([name, value]) => ({ name, value }),
            ),
          })),
        });
        this.logger.info({ topics: missing.map((topic) => topic.name) }, 'created topics');
      } catch (error) {
        if (!onlyAlreadyExists(error)) throw error;
      }
    }
    const { topics: metadata } = await admin.fetchTopicMetadata({
      topics: topics.map((topic) => topic.name),
    });
    if (!metadata.every(({ partitions }) => partitions.every(({ leader }) => leader >= 0))) {
      throw new LienthongError('TOPIC_WITHOUT_LEADER', 'a topic has a partition without a leader yet', {
        retriable: true,
      });
    }
  }

  /**
   * How far a consumer group is behind the end of each partition of these topics, as the broker sees
   * it now (committed offsets against high watermarks), not as the last batch saw it. A partition the
   * group never committed counts from the earliest offset still held.
   */
  async groupLag(groupId: string, topics: string[]): Promise<PartitionLag[]> {
    const admin = await this.getAdmin();
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((topic) => existing.has(topic));
    if (present.length === 0) return [];
    const committed = await admin.fetchOffsets({ groupId, topics: present });
    const lags: PartitionLag[] = [];
    for (const { topic, partitions } of committed) {
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((end) => [end.partition, end]));
      for (const { partition, offset } of partitions) {
        const end = ends.get(partition);
        if (!end) continue;
        const position = Number(offset) >= 0 ? Number(offset) : Number(end.low);
        lags.push({
          topic,
          partition,
          committed: Number(offset),
          end: Number(end.high),
          lag: Number(end.high) - position,
        });
      }
    }
    return lags.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  }

  /** How many consumers are in a group now, as the group coordinator sees it (0 when none runs). */
  async groupMembers(groupId: string): Promise<number> {
    const admin = await this.getAdmin();
    const { groups } = await admin.describeGroups([groupId]);
    return groups[0]?.members.length ?? 0;
  }

  /**
   * Reads a topic from its earliest record to its end as of the call (read_committed), in a consumer
   * group of its own deleted afterwards: for small compacted topics read whole, such as the audit anchor.
   */
  async readToEnd(
    topic: string,
    groupId: string,
    each: (record: ReadRecord) => void,
    timeoutMs = 60_000,
  ): Promise<void> {
    const ends = await this.endOffsets(topic);
    if (ends.size === 0) return;
    const consumer = await this.consumer({ groupId });
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${topic} was not read to its end within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        consumer
          .run({
            autoCommit: false,
            eachBatch: async ({ batch }) => {
              const end = ends.get(batch.partition);
              if (end === undefined) return;
              for (const { key, value, offset } of batch.messages) {
                if (Number(offset) < end)
                  each({ partition: batch.partition, offset, key: key?.toString() ?? null, value });
              }
              if (Number(batch.lastOffset()) + 1 >= end) ends.delete(batch.partition);
              if (ends.size === 0) done();
            },
          })
          .catch((error: unknown) => {
            clearTimeout(timer);
            reject(error as Error);
          });
      });
    } finally {
      this.open.delete(consumer);
      await consumer.disconnect();
      await this.deleteGroup(groupId).catch(() => undefined);
    }
  }

  /**
   * The end (high watermark) of each partition of the topic that holds records, now: the offset the next
   * record written there will get. A topic created a moment ago may not be served yet (NOT_LEADER): waited out.
   */
  async endOffsets(topic: string): Promise<Map<number, number>> {
    const admin = await this.getAdmin();
    return new Map(
      (await whileTopicsSettle.execute(() => admin.fetchTopicOffsets(topic)))
        .filter(({ high, low }) => Number(high) > Number(low))
        .map(({ partition, high }) => [partition, Number(high)]),
    );
  }

  /** Deletes a consumer group that no longer has members (a reader's own group, once it stopped). */
  async deleteGroup(groupId: string): Promise<void> {
    const admin = await this.getAdmin();
    await admin.deleteGroups([groupId]);
  }

  /** Readiness: the cluster answers a metadata request. */
  async ping(): Promise<void> {
    const admin = await this.getAdmin();
    await admin.describeCluster();
  }

  async producer(options: { transactionalId?: string; transactionTimeout?: number } = {}): Promise<Producer> {
    const producer = this.kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      idempotent: true,
      maxInFlightRequests: options.transactionalId ? 1 : 5,
      transactionalId: options.transactionalId,
      transactionTimeout: options.transactionTimeout ?? 60_000,
      // An idempotent producer must not give up on a send, or ordering and exactly-once are lost.
      // A short first retry: a transaction begun right after a commit often meets CONCURRENT_TRANSACTIONS.
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 20, maxRetryTime: 10_000 },
    });
    await producer.connect();
    this.open.add(producer);
    return producer;
  }

  async consumer(config: ConsumerConfig): Promise<Consumer> {
    // A fetch waits at most 1 s for data: shutdown waits for the fetch in flight, and 5 s each adds up.
    const consumer = this.kafka.consumer({ readUncommitted: false, maxWaitTimeInMs: 1000, ...config });
    await consumer.connect();
    this.open.add(consumer);
    return consumer;
  }

  /** Sends records outside any transaction (publishers and dead-letter writers of connectors). */
  async send(producer: Producer, records: OutgoingRecord[]): Promise<void> {
    await producer.sendBatch({ topicMessages: groupByTopic(records), acks: -1 });
  }

  async close(): Promise<void> {
    const clients = [...this.open, ...(this.admin ? [this.admin] : [])];
    this.open.clear();
    this.admin = undefined;
    await Promise.allSettled(clients.map((client) => client.disconnect()));
  }

  private retentionMs({ retention = 'records' }: TopicSpec): string {
    const hours =
      retention === 'dead-letters'
        ? this.config.KAFKA_DLQ_RETENTION_HOURS
        : this.config.KAFKA_RETENTION_HOURS;
    return String(hours * 3600 * 1000);
  }

  private async getAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  /** Client errors the client itself retries (a coordinator moving or loading) are not the operator's concern. */
  private logClientEntry({ level, log }: LogEntry): void {
    const { message, ...rest } = log;
    const retried = RETRIED_BY_CLIENT.test(`${message} ${String(rest.error ?? '')}`);
    this.logger[retried ? 'debug' : (LEVEL_NAMES[level] ?? 'info')]({ client: rest }, message);
  }
}

/** A record read whole by `readToEnd`. */
export interface ReadRecord {
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
}

/** One partition's lag of a consumer group: committed is -1 when the group never committed there. */
export interface PartitionLag {
  topic: string;
  partition: number;
  committed: number;
  end: number;
  lag: number;
}

export function groupByTopic(records: OutgoingRecord[]) {
  const byTopic = new Map<string, Pick<OutgoingRecord, 'key' | 'value' | 'headers'>[]>();
  for (const { topic, key, value, headers } of records) {
    let messages = byTopic.get(topic);
    if (!messages) byTopic.set(topic, (messages = []));
    messages.push({ key, value, headers });
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/** kafkajs reports each topic's creation error; only "already exists" means there is nothing to do. */
function onlyAlreadyExists(error: unknown): boolean {
  const errors = (error as { errors?: { type?: string }[] }).errors;
  return (
    Array.isArray(errors) && errors.length > 0 && errors.every(({ type }) => type === 'TOPIC_ALREADY_EXISTS')
  );
}
