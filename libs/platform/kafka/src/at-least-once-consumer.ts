import type { Consumer } from 'kafkajs';
import { consumeAgain } from './batch-failure';
import type { KafkaConnection } from './kafka-connection';
import { consumerLag } from './consumer-lag';
import { whileTopicsSettle } from './topics-settle';
import { toIncomingRecord, type IncomingRecord } from './records';

export interface AtLeastOnceConsumerOptions {
  groupId: string;
  topics: string[];
  /**
   * Handles a batch of one partition, in offset order; offsets are committed only after it resolves.
   * A handler that waits (for a target to come back, for a retry to fall due) calls `heartbeat` so the
   * group does not take its partitions away.
   */
  handleBatch(records: IncomingRecord[], heartbeat: () => Promise<void>): Promise<void>;
  partitionsConsumedConcurrently?: number;
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
    await whileTopicsSettle.execute(() =>
      this.consumer!.subscribe({ topics: this.options.topics, fromBeginning: true }),
    );
    await this.consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: async ({
        batch,
        resolveOffset,
        commitOffsetsIfNecessary,
        heartbeat,
        isRunning,
        isStale,
      }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        const records = batch.messages.map((message) =>
          toIncomingRecord(batch.topic, batch.partition, message),
        );
        await this.options.handleBatch(records, heartbeat).catch((error: unknown) => {
          throw consumeAgain(error);
        });
        resolveOffset(batch.lastOffset());
        await commitOffsetsIfNecessary();
        consumerLag.set(
          { group: this.options.groupId, topic: batch.topic, partition: batch.partition },
          Number(batch.offsetLag()),
        );
      },
    });
  }

  /** Stops fetching (what is being handled goes on); nothing is skipped, `resume` goes on from there. */
  pause(): void {
    this.whileRunning((consumer, topics) => consumer.pause(topics));
  }

  resume(): void {
    this.whileRunning((consumer, topics) => consumer.resume(topics));
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.disconnect();
  }

  /**
   * Pausing or resuming a consumer that is not running (not started yet, stopping, or restarting after
   * a broker outage) is refused by kafkajs; there is nothing to pause then, and it fetches afresh.
   */
  private whileRunning(act: (consumer: Consumer, topics: { topic: string }[]) => void): void {
    if (!this.consumer) return;
    try {
      act(
        this.consumer,
        this.options.topics.map((topic) => ({ topic })),
      );
    } catch (error) {
      if (!(error instanceof Error && /not initialized/i.test(error.message))) throw error;
    }
  }
}
