import { createLogger, Histogram, metricsRegistry, type Logger } from '@lienthong/observability';
import { consumerLag } from './consumer-lag';
import { whileTopicsSettle } from './topics-settle';
import { CompressionTypes, type Consumer, type EachBatchPayload, type Producer } from 'kafkajs';
import { consumeAgain } from './batch-failure';
import { groupByTopic, type KafkaConnection } from './kafka-connection';
import { toIncomingRecord, type IncomingRecord, type OutgoingRecord } from './records';

/**
 * Turns a batch of consumed records into the records to write. It must not throw for a bad record (a bad
 * record becomes a dead letter); it throws only when the whole batch cannot be handled now, and then
 * nothing of the batch is written and it is consumed again.
 */
export type BatchTransform = (records: IncomingRecord[]) => Promise<BatchOutput>;

export interface BatchOutput {
  records: OutgoingRecord[];
  /**
   * Called once the batch's transaction has committed, before the next batch of its partition: what the
   * transform remembers of the batch may be believed from now on (an aborted batch is consumed again,
   * and must find what was believed before it).
   */
  committed?: () => void;
  /** Called when the batch's transaction did not commit: the batch will be consumed again. */
  aborted?: () => void;
}

export interface TransactionalProcessorOptions {
  groupId: string;
  /** Stable per instance, so a restarted instance fences off its own zombies. */
  transactionalId: string;
  topics: string[];
  /** Partitions processed at the same time, each batch in a transaction of its own producer. */
  concurrency: number;
  /** How long the brokers let a transaction stay open before aborting it (a dead writer's, too). */
  transactionTimeoutMs: number;
  transform: BatchTransform;
  /**
   * Called each time the group has handed this consumer its partitions (at start and after every
   * rebalance), before any batch of them is consumed.
   */
  onGroupJoin?: () => void;
}

const batchSeconds = new Histogram({
  name: 'lienthong_batch_seconds',
  help: 'Time to transform and commit one consumed batch',
  labelNames: ['group'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/**
 * Output is sent gzip-compressed in chunks of this many uncompressed bytes; JSON compresses well under
 * the broker's 1 MB record-batch limit. A chunk the broker still finds too large is retried smaller.
 */
const FIRST_CHUNK_BYTES = 4 << 20;
const SMALLEST_CHUNK_BYTES = 64 << 10;

/** Splits records into runs whose values add up to less than `maxBytes` (a lone larger record is its own run). */
function chunksUnder(records: OutgoingRecord[], maxBytes: number): OutgoingRecord[][] {
  const chunks: OutgoingRecord[][] = [];
  let current: OutgoingRecord[] = [];
  let size = 0;
  for (const record of records) {
    const bytes = Buffer.byteLength(record.value) + 512;
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(record);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function isTooLarge(error: unknown): boolean {
  const { type, name } = error as { type?: string; name?: string };
  return (
    type === 'MESSAGE_TOO_LARGE' ||
    (name === 'KafkaJSNumberOfRetriesExceeded' && /larger than the max/.test(String(error)))
  );
}

/**
 * While a transform runs longer than this, the consumer heartbeats on its behalf: a transform waiting
 * for its state (a restore after a rebalance) must not get the consumer thrown out of its group.
 */
const HEARTBEAT_WHILE_TRANSFORMING_MS = 3_000;

/** One of the transactional producers, by its stable id; emptied when its producer must be replaced. */
interface ProducerSlot {
  transactionalId: string;
  producer?: Producer;
}

/**
 * Awaits `work`, heartbeating meanwhile. A heartbeat refused (the group is rebalancing) is left to the
 * consumer's own heartbeat after the batch, which rejoins the group: this one only keeps it alive.
 */
async function whileHeartbeating<T>(work: Promise<T>, heartbeat: () => Promise<void>): Promise<T> {
  const timer = setInterval(() => {
    heartbeat().catch(() => undefined);
  }, HEARTBEAT_WHILE_TRANSFORMING_MS);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

/**
 * Consume → transform → produce as one Kafka transaction with the consumed offsets: a crash at any
 * point neither loses nor duplicates what readers with read_committed see.
 */
export class TransactionalProcessor {
  private consumer?: Consumer;
  private readonly idleSlots: ProducerSlot[] = [];
  private readonly slots: ProducerSlot[] = [];
  private readonly logger: Logger;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly options: TransactionalProcessorOptions,
  ) {
    this.logger = createLogger('transactional-processor', { groupId: options.groupId });
  }

  async start(): Promise<void> {
    for (let index = 0; index < this.options.concurrency; index++) {
      const transactionalId = `${this.options.transactionalId}-${index}`;
      this.slots.push({ transactionalId, producer: await this.producer(transactionalId) });
    }
    this.idleSlots.push(...this.slots);
    this.consumer = await this.connection.consumer({
      groupId: this.options.groupId,
      maxBytesPerPartition: 1 << 20,
      maxBytes: 8 << 20,
    });
    const consumer = this.consumer;
    const { onGroupJoin } = this.options;
    if (onGroupJoin) consumer.on(consumer.events.GROUP_JOIN, () => onGroupJoin());
    await whileTopicsSettle.execute(() =>
      consumer.subscribe({ topics: this.options.topics, fromBeginning: true }),
    );
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrency,
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  private producer(transactionalId: string): Promise<Producer> {
    return this.connection.producer({
      transactionalId,
      transactionTimeout: this.options.transactionTimeoutMs,
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await Promise.allSettled(this.slots.map(({ producer }) => producer?.disconnect()));
  }

  private async processBatch({
    batch,
    resolveOffset,
    isRunning,
    isStale,
    heartbeat,
  }: EachBatchPayload): Promise<void> {
    if (!isRunning() || isStale() || batch.messages.length === 0) return;
    const stopTimer = batchSeconds.startTimer({ group: this.options.groupId });
    // kafkajs runs at most `concurrency` batches at once, so a slot is always free here.
    const slot = this.idleSlots.pop()!;
    try {
      // Same transactional id: the new producer fences off whatever the old one left open.
      slot.producer ??= await this.producer(slot.transactionalId);
      const producer = slot.producer;
      const records = batch.messages.map((message) =>
        toIncomingRecord(batch.topic, batch.partition, message),
      );
      const output = await whileHeartbeating(this.options.transform(records), heartbeat);
      const lastOffset = batch.lastOffset();
      try {
        await this.commit(producer, output.records, batch.topic, batch.partition, lastOffset);
      } catch (error) {
        output.aborted?.();
        throw error;
      }
      output.committed?.();
      resolveOffset(lastOffset);
      consumerLag.set(
        { group: this.options.groupId, topic: batch.topic, partition: batch.partition },
        Number(batch.offsetLag()),
      );
    } catch (error) {
      // A producer whose transaction failed may be fenced, or stuck aborting: it is replaced, never reused.
      await slot.producer?.disconnect().catch(() => undefined);
      slot.producer = undefined;
      throw consumeAgain(error);
    } finally {
      this.idleSlots.push(slot);
      stopTimer();
    }
  }

  private async commit(
    producer: Producer,
    outputs: OutgoingRecord[],
    topic: string,
    partition: number,
    lastOffset: string,
    chunkBytes = FIRST_CHUNK_BYTES,
  ): Promise<void> {
    const transaction = await producer.transaction();
    try {
      for (const chunk of chunksUnder(outputs, chunkBytes)) {
        await transaction.sendBatch({
          topicMessages: groupByTopic(chunk),
          acks: -1,
          compression: CompressionTypes.GZIP,
        });
      }
      await transaction.sendOffsets({
        consumerGroupId: this.options.groupId,
        topics: [{ topic, partitions: [{ partition, offset: (BigInt(lastOffset) + 1n).toString() }] }],
      });
      await transaction.commit();
    } catch (error) {
      await transaction.abort().catch(() => undefined);
      if (isTooLarge(error) && chunkBytes > SMALLEST_CHUNK_BYTES) {
        return this.commit(producer, outputs, topic, partition, lastOffset, chunkBytes / 4);
      }
      this.logger.warn(
        { err: error, topic, partition, lastOffset },
        'transaction failed; the batch will be consumed again',
      );
      throw error;
    }
  }
}
