import {
  KafkaConsumer,
  Producer,
  type LibrdKafkaError,
  type Message,
  type MessageHeader,
  type TopicPartitionOffset,
} from 'node-rdkafka';
import { createLogger } from '@lienthong/observability';
import type { IncomingRecord, OutgoingRecord } from './records';

/** librdkafka settings shared by every native client: where the brokers are and how to reach them. */
export type NativeSettings = Record<string, string | number | boolean>;

/** How long a consume call waits for a first record when the partitions are drained. */
const IDLE_WAIT_MS = 100;
const TRANSACTION_TIMEOUT_MS = 60_000;
const WRITTEN_MAX_BYTES = 4 << 20;

const logger = createLogger('kafka-native');

function settle<T = void>(
  act: (done: (error: LibrdKafkaError | null | undefined, value?: T) => void) => void,
) {
  return new Promise<T>((resolve, reject) =>
    act((error, value) => (error ? reject(asError(error)) : resolve(value as T))),
  );
}

/** librdkafka's error objects keep their flags (retriable, fatal, abort needed) on a real Error. */
function asError(error: LibrdKafkaError): Error {
  if (error instanceof Error) return error;
  return Object.assign(new Error(error.message), error);
}

/**
 * A read_committed consumer of a group with offsets committed only through a transaction: librdkafka
 * (node-rdkafka), which fetches and decodes records in its own threads.
 */
export class NativeConsumer {
  readonly client: KafkaConsumer;

  constructor(settings: NativeSettings, groupId: string) {
    this.client = new KafkaConsumer(
      {
        ...settings,
        'group.id': groupId,
        'enable.auto.commit': false,
        'enable.auto.offset.store': false,
        'isolation.level': 'read_committed',
        // A consume call ends soon after a partition is drained: small batches when idle, big under load.
        'enable.partition.eof': true,
        // Bounded prefetch: the backlog waits in Kafka, not in memory.
        'queued.min.messages': 2_000,
        'queued.max.messages.kbytes': 4_096,
        'topic.metadata.refresh.interval.ms': 10_000,
      },
      { 'auto.offset.reset': 'earliest' },
    );
    this.client.on('event.error', (error) => logger.warn({ err: error }, 'consumer error'));
    this.client.setDefaultConsumeTimeout(IDLE_WAIT_MS);
  }

  async connect(topics: string[]): Promise<void> {
    await settle((done) => this.client.connect({ timeout: 30_000 }, (error) => done(error)));
    this.client.subscribe(topics);
  }

  /** Up to `max` records, across the assigned partitions, each partition's in offset order. */
  consume(max: number): Promise<IncomingRecord[]> {
    return settle<Message[]>((done) => this.client.consume(max, done)).then((messages) =>
      messages.map(toIncomingRecord),
    );
  }

  /** Makes the next fetch of a partition start again at `offset`; nothing if it is no longer assigned. */
  async rewind(topic: string, partition: number, offset: string): Promise<void> {
    await settle((done) => this.client.seek({ topic, partition, offset: Number(offset) }, 5_000, done)).catch(
      (error: unknown) => logger.debug({ err: error, topic, partition }, 'partition not rewound'),
    );
  }

  /** Records after `offset` in a partition, as far as the consumer last heard the end of it. */
  lagAfter(topic: string, partition: number, offset: string): number | undefined {
    try {
      const { highOffset } = this.client.getWatermarkOffsets(topic, partition);
      return highOffset >= 0 ? Math.max(0, highOffset - Number(offset) - 1) : undefined;
    } catch {
      return undefined;
    }
  }

  async disconnect(): Promise<void> {
    if (!this.client.isConnected()) return;
    await settle((done) => this.client.disconnect((error) => done(error)));
  }
}

/** A transactional producer (librdkafka): records and consumed offsets committed together. */
export class NativeTransactionalProducer {
  private readonly client: Producer;

  constructor(settings: NativeSettings, transactionalId: string) {
    this.client = new Producer(
      {
        ...settings,
        'transactional.id': transactionalId,
        'transaction.timeout.ms': TRANSACTION_TIMEOUT_MS,
        // Compressed in librdkafka's threads; gzip, so that every reader's client can decode it.
        'compression.codec': 'gzip',
        'linger.ms': 5,
        // A dead letter carries a source event of up to the broker's 1 MB plus headers (topics take 4 MB).
        'message.max.bytes': WRITTEN_MAX_BYTES,
        'batch.num.messages': 10_000,
        'queue.buffering.max.messages': 1_000_000,
        'queue.buffering.max.kbytes': 262_144,
        dr_cb: false,
      },
      // Same partition for a key as Java clients and kafkajs: a dossier's events stay in one partition.
      { partitioner: 'murmur2_random' },
    );
    this.client.on('event.error', (error) => logger.warn({ err: error }, 'producer error'));
  }

  /** Connects and fences off any earlier producer with the same transactional id. */
  async connect(): Promise<void> {
    await settle((done) => this.client.connect({ timeout: 30_000 }, (error) => done(error)));
    this.client.setPollInterval(100);
    await settle((done) => this.client.initTransactions(TRANSACTION_TIMEOUT_MS, done));
  }

  /** Writes the records and commits the consumed offsets (next offset to read) as one transaction. */
  async commit(records: OutgoingRecord[], offsets: TopicPartitionOffset[], consumer: NativeConsumer) {
    await settle((done) => this.client.beginTransaction(done));
    try {
      for (const record of records) await this.produce(record);
      await settle((done) =>
        this.client.sendOffsetsToTransaction(offsets, consumer.client, TRANSACTION_TIMEOUT_MS, done),
      );
      await settle((done) => this.client.commitTransaction(TRANSACTION_TIMEOUT_MS, done));
    } catch (error) {
      await settle((done) => this.client.abortTransaction(TRANSACTION_TIMEOUT_MS, done)).catch(
        (abortError: unknown) => logger.debug({ err: abortError }, 'abort failed'),
      );
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    if (!this.client.isConnected()) return;
    await settle((done) => this.client.disconnect((error) => done(error)));
  }

  private async produce({ topic, key, value, headers }: OutgoingRecord): Promise<void> {
    const bytes = typeof value === 'string' ? Buffer.from(value) : value;
    const headerList: MessageHeader[] = Object.entries(headers).map(([name, text]) => ({ [name]: text }));
    for (;;) {
      try {
        this.client.produce(topic, null, bytes, key ?? undefined, null, undefined, headerList);
        return;
      } catch (error) {
        // The local queue is full: wait for librdkafka to send some of it.
        if ((error as LibrdKafkaError).code !== QUEUE_FULL) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  }
}

const QUEUE_FULL = -184;

function toIncomingRecord(message: Message): IncomingRecord {
  const headers: Record<string, string> = {};
  for (const header of message.headers ?? []) {
    for (const name in header) headers[name] ??= header[name].toString();
  }
  return {
    topic: message.topic,
    partition: message.partition,
    offset: String(message.offset),
    key: typeof message.key === 'string' ? Buffer.from(message.key) : (message.key ?? null),
    value: message.value,
    headers,
    timestamp: String(message.timestamp ?? -1),
  };
}
