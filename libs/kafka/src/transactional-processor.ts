import { createLogger, Histogram, metricsRegistry, type Logger } from '@lienthong/observability';
import { consumerLag } from './consumer-lag';
import type { KafkaConnection } from './kafka-connection';
import type { NativeConsumer, NativeTransactionalProducer } from './native-client';
import type { IncomingRecord, OutgoingRecord } from './records';

/**
 * Turns a batch of consumed records (of one or more partitions, each partition's in offset order from its
 * committed offset on) into the records to write. It must not throw for a bad record (a bad record
 * becomes a dead letter); it throws only when the whole batch cannot be handled now, and then nothing of
 * the batch is written and it is consumed again.
 */
export type BatchTransform = (records: IncomingRecord[]) => Promise<BatchOutput>;

export interface BatchOutput {
  records: OutgoingRecord[];
}

export interface TransactionalProcessorOptions {
  groupId: string;
  /** Stable per instance, so a restarted instance fences off its own zombies. */
  transactionalId: string;
  topics: string[];
  /** Records consumed at most per transaction, across partitions. */
  maxBatch: number;
  transform: BatchTransform;
}

const batchSeconds = new Histogram({
  name: 'lienthong_batch_seconds',
  help: 'Time to transform and commit one consumed batch',
  labelNames: ['group'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** A failed batch is consumed again after this pause, growing to the last while failures go on. */
const RETRY_PAUSES_MS = [100, 500, 1_000, 2_000, 5_000];

/**
 * Consume → transform → produce as one Kafka transaction with the consumed offsets: a crash at any
 * point neither loses nor duplicates what readers with read_committed see. A consumed batch spans the
 * assigned partitions and is committed as one.
 */
export class TransactionalProcessor {
  private consumer?: NativeConsumer;
  private producer?: NativeTransactionalProducer;
  private running?: Promise<void>;
  private stopping = false;
  private failures = 0;
  private readonly logger: Logger;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly options: TransactionalProcessorOptions,
  ) {
    this.logger = createLogger('transactional-processor', { groupId: options.groupId });
  }

  /**
   * Starts consuming in the background: a broker that is slow to answer (or away) at start-up is waited
   * for, with a warning, instead of failing the app.
   */
  async start(): Promise<void> {
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    await Promise.allSettled([this.consumer?.disconnect(), this.producer?.disconnect()]);
  }

  private async run(): Promise<void> {
    const consumer = await this.untilDone('connect the consumer', async () => {
      const candidate = this.connection.nativeConsumer(this.options.groupId);
      try {
        await candidate.connect(this.options.topics);
      } catch (error) {
        await candidate.disconnect().catch(() => undefined);
        throw error;
      }
      return candidate;
    });
    if (!consumer) return;
    this.consumer = consumer;
    this.producer ??= await this.untilDone('start the transactional producer', () => this.newProducer());
    await this.loop(consumer);
  }

  /** Tries until it works or the processor stops (then undefined). */
  private async untilDone<T>(what: string, attempt: () => Promise<T>): Promise<T | undefined> {
    while (!this.stopping) {
      try {
        const result = await attempt();
        this.failures = 0;
        return result;
      } catch (error) {
        this.logger.warn({ err: error }, `cannot ${what} yet; trying again`);
        await this.pauseAfterFailure();
      }
    }
    return undefined;
  }

  /**
   * One transaction commits while the next batch is transformed: the broker's round trips overlap the
   * hub's work. The next batch reads what the committing one remembered (written before its commit), and
   * when a commit fails both batches are consumed again.
   */
  private async loop(consumer: NativeConsumer): Promise<void> {
    let committing: Committing | undefined;
    while (!this.stopping) {
      let records: IncomingRecord[];
      try {
        records = await consumer.consume(this.options.maxBatch);
      } catch (error) {
        this.logger.warn({ err: error }, 'consume failed; trying again');
        await this.pauseAfterFailure();
        continue;
      }
      if (records.length === 0) {
        if (committing) await this.settle(consumer, committing);
        committing = undefined;
        continue;
      }
      const partitions = byPartition(records);
      const stopTimer = batchSeconds.startTimer({ group: this.options.groupId });
      let outputs: OutgoingRecord[];
      try {
        outputs = (await this.options.transform(records)).records;
      } catch (error) {
        if (committing) await this.settle(consumer, committing);
        committing = undefined;
        await this.failed(consumer, error, [partitions]);
        continue;
      }
      if (committing && !(await this.settle(consumer, committing, partitions))) {
        committing = undefined;
        continue;
      }
      committing = { partitions, result: this.commit(consumer, partitions, outputs).finally(stopTimer) };
    }
    if (committing) await this.settle(consumer, committing);
  }

  /** Writes a batch's outputs and offsets; resolves to the error when the transaction failed. */
  private async commit(
    consumer: NativeConsumer,
    partitions: IncomingRecord[][],
    outputs: OutgoingRecord[],
  ): Promise<unknown> {
    const offsets = partitions.map((records) => {
      const { topic, partition, offset } = records[records.length - 1];
      return { topic, partition, offset: Number(offset) + 1 };
    });
    try {
      this.producer ??= await this.newProducer();
      await this.producer.commit(outputs, offsets, consumer);
    } catch (error) {
      // A producer whose transaction failed may be fenced or stuck aborting: it is replaced, never reused.
      await this.replaceProducer();
      return error ?? new Error('transaction failed');
    }
    this.failures = 0;
    for (const { topic, partition, offset } of offsets) {
      const lag = consumer.lagAfter(topic, partition, String(offset - 1));
      if (lag !== undefined) consumerLag.set({ group: this.options.groupId, topic, partition }, lag);
    }
    return undefined;
  }

  /**
   * Waits for a commit; when it failed, its batch and the batch consumed after it (`next`) are
   * consumed again. Whether it committed.
   */
  private async settle(
    consumer: NativeConsumer,
    { partitions, result }: Committing,
    next: IncomingRecord[][] = [],
  ): Promise<boolean> {
    const error = await result;
    if (error === undefined) return true;
    // The later batch first: where both hold a partition, the earlier batch's first offset wins.
    await this.failed(consumer, error, [next, partitions]);
    return false;
  }

  /** Makes each batch's partitions start again at the batch (what was fetched after it is dropped too). */
  private async failed(consumer: NativeConsumer, error: unknown, batches: IncomingRecord[][][]) {
    this.logger.warn(
      {
        err: error,
        partitions: batches.flat().map(([{ topic, partition, offset }]) => ({ topic, partition, offset })),
      },
      'batch failed; it will be consumed again',
    );
    for (const partitions of batches) {
      for (const [{ topic, partition, offset }] of partitions)
        await consumer.rewind(topic, partition, offset);
    }
    await this.pauseAfterFailure();
  }

  private async newProducer(): Promise<NativeTransactionalProducer> {
    const producer = this.connection.nativeTransactionalProducer(this.options.transactionalId);
    try {
      await producer.connect();
    } catch (error) {
      // Broker down or coordinator not ready: this one is dropped, the next attempt makes another.
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    return producer;
  }

  /** Same transactional id: the new producer fences off whatever the old one left open. */
  private async replaceProducer(): Promise<void> {
    const old = this.producer;
    this.producer = undefined;
    await old?.disconnect().catch(() => undefined);
  }

  private async pauseAfterFailure(): Promise<void> {
    const pause = RETRY_PAUSES_MS[Math.min(this.failures, RETRY_PAUSES_MS.length - 1)];
    this.failures++;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** A batch whose transaction is committing; `result` is its error, undefined once committed. */
interface Committing {
  partitions: IncomingRecord[][];
  result: Promise<unknown>;
}

/** Records grouped by partition, each group in offset order as consumed. */
function byPartition(records: IncomingRecord[]): IncomingRecord[][] {
  const groups = new Map<string, IncomingRecord[]>();
  for (const record of records) {
    const key = `${record.topic}\u0000${record.partition}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(record);
  }
  return [...groups.values()];
}
