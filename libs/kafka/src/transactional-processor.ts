import { createLogger, Histogram, metricsRegistry, type Logger } from '@lienthong/observability';
import { consumerLag } from './consumer-lag';
import type { KafkaConnection } from './kafka-connection';
import type { NativeConsumer, NativeTransactionalProducer } from './native-client';
import type { IncomingRecord, OutgoingRecord } from './records';

/**
 * Turns a batch of one partition's consumed records into the records to write. It must not throw for a
 * bad record (a bad record becomes a dead letter); it throws only when the whole batch cannot be handled
 * now, and then nothing of the batch is written and it is consumed again.
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
 * point neither loses nor duplicates what readers with read_committed see. Each consumed batch is split
 * by partition; the partitions are transformed side by side and committed together.
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

  async start(): Promise<void> {
    this.producer = await this.newProducer();
    this.consumer = this.connection.nativeConsumer(this.options.groupId);
    await this.consumer.connect(this.options.topics);
    this.running = this.loop(this.consumer);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    await Promise.allSettled([this.consumer?.disconnect(), this.producer?.disconnect()]);
  }

  private async loop(consumer: NativeConsumer): Promise<void> {
    while (!this.stopping) {
      let records: IncomingRecord[];
      try {
        records = await consumer.consume(this.options.maxBatch);
      } catch (error) {
        this.logger.warn({ err: error }, 'consume failed; trying again');
        await this.pauseAfterFailure();
        continue;
      }
      if (records.length > 0) await this.process(consumer, records);
    }
  }

  private async process(consumer: NativeConsumer, records: IncomingRecord[]): Promise<void> {
    const stopTimer = batchSeconds.startTimer({ group: this.options.groupId });
    const partitions = byPartition(records);
    let committing = false;
    try {
      const outputs = await Promise.all(partitions.map((batch) => this.options.transform(batch)));
      committing = true;
      const offsets = partitions.map((batch) => {
        const { topic, partition, offset } = batch[batch.length - 1];
        return { topic, partition, offset: Number(offset) + 1 };
      });
      this.producer ??= await this.newProducer();
      await this.producer.commit(
        outputs.flatMap((output) => output.records),
        offsets,
        consumer,
      );
      this.failures = 0;
      for (const { topic, partition, offset } of offsets) {
        const lag = consumer.lagAfter(topic, partition, String(offset - 1));
        if (lag !== undefined) consumerLag.set({ group: this.options.groupId, topic, partition }, lag);
      }
    } catch (error) {
      this.logger.warn(
        {
          err: error,
          partitions: partitions.map(([{ topic, partition, offset }]) => ({ topic, partition, offset })),
        },
        'batch failed; it will be consumed again',
      );
      // A producer whose transaction failed may be fenced or stuck aborting: it is replaced, never reused.
      if (committing) await this.replaceProducer();
      // What was fetched after the batch is dropped too: the partition starts again at the batch.
      for (const [{ topic, partition, offset }] of partitions)
        await consumer.rewind(topic, partition, offset);
      await this.pauseAfterFailure();
    } finally {
      stopTimer();
    }
  }

  private async newProducer(): Promise<NativeTransactionalProducer> {
    const producer = this.connection.nativeTransactionalProducer(this.options.transactionalId);
    await producer.connect();
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
