import { LienthongError } from '@lienthong/errors';
import { createLogger, type Logger } from '@lienthong/observability';
import type { Consumer, Producer } from 'kafkajs';
import type { KafkaConnection } from './kafka-connection';
import { whileTopicsSettle } from './topics-settle';

/** A record of a changelog: a key and its latest value, or null where the key was forgotten (a tombstone). */
export interface ChangelogRecord {
  key: string;
  value: Buffer | null;
}

export interface ChangelogOptions {
  /** A compacted topic, key = what the state is about. */
  topic: string;
  /**
   * A consumer group of this reader alone, new at every start: the reader never commits offsets (each
   * start reads the topic whole), and a group of its own never waits for a dead predecessor to leave.
   * Deleted on stop.
   */
  groupId: string;
  /** Applies records in the order of their partition. It must be idempotent: a record may come again. */
  apply: (records: ChangelogRecord[]) => void;
}

/** How long a wait for the changelog's end may take before it says so in the log (it keeps waiting). */
const SLOW_CATCH_UP_MS = 20_000;

interface Waiter {
  marks: Map<number, number>;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * A changelog (a compacted topic holding an app's state), read from its beginning, read_committed, and
 * followed, so what other writers commit arrives here too. `reached` says when everything written
 * before some offsets has been applied: a writer's aborted or still open transaction holds the reader
 * back until it is decided, which is what exactly-once state needs. Its records are written in the
 * writers' own transactions; `forget` writes tombstones.
 */
export class Changelog {
  private consumer?: Consumer;
  private producer?: Producer;
  /** Per partition, the offset of the next record to read: every record before it has been applied. */
  private readonly positions = new Map<number, number>();
  private waiters: Waiter[] = [];
  private failure?: Error;
  private readonly logger: Logger;
  /** Records applied since the start (tombstones included). */
  recordsRead = 0;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly options: ChangelogOptions,
  ) {
    this.logger = createLogger('changelog', { topic: options.topic });
  }

  async start(): Promise<void> {
    const consumer = await this.connection.consumer({ groupId: this.options.groupId });
    this.consumer = consumer;
    // After every batch, including one whose records were all control records or aborted (which never
    // reach eachBatch): the position moves past a transaction's marker too.
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) =>
      this.advance(payload.partition, Number(payload.lastOffset) + 1),
    );
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.fail(payload.error);
    });
    await whileTopicsSettle.execute(() =>
      consumer.subscribe({ topic: this.options.topic, fromBeginning: true }),
    );
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        this.options.apply(batch.messages.map(({ key, value }) => ({ key: key?.toString() ?? '', value })));
        this.recordsRead += batch.messages.length;
      },
    });
  }

  /** The end of each partition now: what `reached` is given to wait for everything committed so far. */
  endOffsets(): Promise<Map<number, number>> {
    return this.connection.endOffsets(this.options.topic);
  }

  /** Resolves once every partition's records before its mark have been applied. */
  reached(marks: Map<number, number>): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.isPast(marks)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const slow = setTimeout(
        () =>
          this.logger.warn(
            { marks: Object.fromEntries(marks), positions: Object.fromEntries(this.positions) },
            'the changelog is slow to reach its end (an open transaction of a writer that died waits for its timeout)',
          ),
        SLOW_CATCH_UP_MS,
      );
      slow.unref();
      this.waiters.push({
        marks,
        resolve: () => {
          clearTimeout(slow);
          resolve();
        },
        reject: (error) => {
          clearTimeout(slow);
          reject(error);
        },
      });
    });
  }

  /** Writes tombstones of these keys, outside any transaction: the topic forgets them. */
  async forget(keys: string[]): Promise<void> {
    this.producer ??= await this.connection.producer();
    await this.producer.send({
      topic: this.options.topic,
      messages: keys.map((key) => ({ key, value: null })),
      acks: -1,
    });
  }

  async stop(): Promise<void> {
    // A batch still waiting for the changelog's end fails (it is consumed again by whoever takes over)
    // instead of holding the shutdown.
    this.stopReading(
      new LienthongError('CHANGELOG_READER_STOPPED', `${this.options.topic} is no longer read`),
    );
    await this.producer?.disconnect();
    if (!this.consumer) return;
    await this.consumer.disconnect();
    this.consumer = undefined;
    await this.connection.deleteGroup(this.options.groupId).catch(() => undefined);
  }

  private isPast(marks: Map<number, number>): boolean {
    return [...marks].every(([partition, mark]) => (this.positions.get(partition) ?? 0) >= mark);
  }

  private advance(partition: number, position: number): void {
    if (position <= (this.positions.get(partition) ?? 0)) return;
    this.positions.set(partition, position);
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (this.isPast(waiter.marks)) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }

  private fail(error: Error): void {
    this.logger.error({ err: error }, 'the changelog reader stopped: the state it holds no longer follows');
    this.stopReading(
      new LienthongError('CHANGELOG_READER_STOPPED', `${this.options.topic} is no longer read`, {
        cause: error,
      }),
    );
  }

  private stopReading(failure: Error): void {
    this.failure = failure;
    for (const waiter of this.waiters) waiter.reject(failure);
    this.waiters = [];
  }
}
