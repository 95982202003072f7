import { createLogger, type Logger } from '@lienthong/observability';
import type { Consumer, EachBatchPayload, Producer } from 'kafkajs';
import { groupByTopic, type KafkaConnection } from './kafka-connection';
import { toIncomingRecord, type IncomingRecord, type OutgoingRecord } from './records';

/**
 * Turns a batch of consumed records into the records to write. It must not throw for a bad record (a bad
 * record becomes a dead letter); it throws only when the whole batch cannot be handled now, and then
 * nothing of the batch is written and it is consumed again.
 */
export type BatchTransform = (records: IncomingRecord[]) => Promise<OutgoingRecord[]>;

export interface TransactionalProcessorOptions {
  groupId: string;
  /** Stable per instance, so a restarted instance fences off its own zombie. */
  transactionalId: string;
  topics: string[];
  transform: BatchTransform;
}

/**
 * Consume → transform → produce as one Kafka transaction with the consumed offsets: a crash at any
 * point neither loses nor duplicates what readers with read_committed see.
 */
export class TransactionalProcessor {
  private consumer?: Consumer;
  private producer?: Producer;
  private readonly logger: Logger;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly options: TransactionalProcessorOptions,
  ) {
    this.logger = createLogger('transactional-processor', { groupId: options.groupId });
  }

  async start(): Promise<void> {
    this.producer = await this.connection.producer({ transactionalId: this.options.transactionalId });
    this.consumer = await this.connection.consumer({
      groupId: this.options.groupId,
      maxBytesPerPartition: 4 << 20,
    });
    await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }

  private async processBatch({ batch, resolveOffset, isRunning, isStale }: EachBatchPayload): Promise<void> {
    if (!isRunning() || isStale() || batch.messages.length === 0) return;
    const producer = this.producer!;
    const records = batch.messages.map((message) => toIncomingRecord(batch.topic, batch.partition, message));
    const outputs = await this.options.transform(records);
    const lastOffset = batch.lastOffset();
    const transaction = await producer.transaction();
    try {
      if (outputs.length > 0) await transaction.sendBatch({ topicMessages: groupByTopic(outputs), acks: -1 });
      await transaction.sendOffsets({
        consumerGroupId: this.options.groupId,
        topics: [
          {
            topic: batch.topic,
            partitions: [{ partition: batch.partition, offset: (BigInt(lastOffset) + 1n).toString() }],
          },
        ],
      });
      await transaction.commit();
    } catch (error) {
      this.logger.warn(
        { err: error, topic: batch.topic, partition: batch.partition, offset: batch.firstOffset() },
        'transaction failed; the batch will be consumed again',
      );
      await transaction.abort().catch(() => undefined);
      throw error;
    }
    resolveOffset(lastOffset);
  }
}
