import type { Consumer } from 'kafkajs';
import type { KafkaConnection } from './kafka-connection';
import { toIncomingRecord, type IncomingRecord } from './records';

export interface AtLeastOnceConsumerOptions {
  groupId: string;
  topics: string[];
  /** Handles a batch of one partition, in offset order; offsets are committed only after it resolves. */
  handleBatch(records: IncomingRecord[]): Promise<void>;
}

/** Consumes with offsets committed after handling: nothing is skipped, a crash replays the last batch. */
export class AtLeastOnceConsumer {
  private consumer?: Consumer;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly options: AtLeastOnceConsumerOptions,
  ) {}

  async start(): Promise<void> {
    this.consumer = await this.connection.consumer({ groupId: this.options.groupId });
    await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await this.consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary, isRunning, isStale }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        const records = batch.messages.map((message) =>
          toIncomingRecord(batch.topic, batch.partition, message),
        );
        await this.options.handleBatch(records);
        resolveOffset(batch.lastOffset());
        await commitOffsetsIfNecessary();
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
