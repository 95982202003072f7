import { randomBytes } from 'node:crypto';
import { PeriodicTask, type ManagedService } from '@lienthong/bootstrap';
import { Changelog, type KafkaConnection, type Topics } from '@lienthong/kafka';
import { createLogger } from '@lienthong/observability';
import { HubStateStore } from './hub-state';

/** The hub's state as the pipeline uses it: the store, once it holds what it must before a batch. */
export interface HubState {
  caughtUp(): Promise<HubStateStore>;
}

export interface HubStateSyncOptions {
  /** Names this replica's reader of the changelog. */
  instanceId: string;
  /** A dossier whose state has not changed for this many days is forgotten; 0 keeps every one. */
  retentionDays: number;
}

const RETENTION_EVERY_MS = 3600 * 1000;
const PROGRESS_EVERY_MS = 5_000;
const TOMBSTONES_PER_SEND = 1_000;

/**
 * Keeps this replica's `HubStateStore` equal to the changelog (`hub.state.v1`) that every replica's
 * transactions write: read whole at start, then followed, so a source partition that moves here from
 * another replica finds what that replica committed. After each rebalance no batch runs until the
 * reader has passed the changelog's end as it was then (the moved partitions' last commits are before
 * it). Once an hour it forgets the dossiers untouched for the retention window, with tombstones.
 */
export class HubStateSync implements ManagedService, HubState {
  readonly store: HubStateStore;
  private readonly changelog: Changelog;
  private readonly retention?: PeriodicTask;
  private readonly logger = createLogger('hub');
  private catchUp?: Promise<void>;

  constructor(
    kafka: KafkaConnection,
    private readonly topics: Topics,
    private readonly options: HubStateSyncOptions,
    now?: () => number,
  ) {
    this.store = new HubStateStore(topics.hubState, now);
    this.changelog = new Changelog(kafka, {
      topic: topics.hubState,
      groupId: topics.group(`lienthong.hub.state.${options.instanceId}.${randomBytes(4).toString('hex')}`),
      apply: (records) => this.store.applyChangelog(records),
    });
    if (options.retentionDays > 0) {
      this.retention = new PeriodicTask({
        name: 'hub-state-retention',
        everyMs: RETENTION_EVERY_MS,
        jitter: 0.1,
        run: () => this.forgetExpired(),
      });
    }
  }

  /**
   * Starts reading the changelog from its beginning and returns without waiting: the first batch waits
   * for the restore. Not waiting here matters after a crash: this replica's open transaction holds the
   * reader back until the transport's producers, started after this, fence it off.
   */
  async start(): Promise<void> {
    const started = Date.now();
    const marks = await this.changelog.endOffsets();
    await this.changelog.start();
    const progress = () => ({
      records: this.changelog.recordsRead,
      dossiers: this.store.size,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    });
    const reporter = setInterval(
      () => this.logger.info(progress(), 'restoring the hub state from its changelog'),
      PROGRESS_EVERY_MS,
    );
    reporter.unref();
    this.catchUp = this.changelog.reached(marks).then(
      () => {
        clearInterval(reporter);
        this.logger.info({ topic: this.topics.hubState, ...progress() }, 'hub state restored');
      },
      (error: unknown) => {
        clearInterval(reporter);
        throw error;
      },
    );
    this.catchUp.catch(() => undefined);
    await this.retention?.start();
  }

  async stop(): Promise<void> {
    await this.retention?.stop();
    await this.changelog.stop();
  }

  /**
   * The consumer group handed this replica its partitions: what other replicas committed to the
   * changelog until now must be in the store before any batch of them (`caughtUp`).
   */
  onGroupJoin(): void {
    this.catchUp = this.reachEnd();
    this.catchUp.catch(() => undefined);
  }

  async caughtUp(): Promise<HubStateStore> {
    try {
      await this.catchUp;
    } catch (error) {
      // The batch is consumed again, and asks again.
      this.catchUp = this.reachEnd();
      this.catchUp.catch(() => undefined);
      throw error;
    }
    return this.store;
  }

  /**
   * Writes tombstones for the dossiers untouched for the retention window, then forgets them. A dossier
   * updated by a batch between the selection and the tombstone (its first event after that many quiet
   * days, within those milliseconds) is forgotten too: a duplicate of that event would then be routed
   * again and caught by each connector's ledger, as any duplicate older than the window is. Batches in
   * flight are left out of the selection; closing the last gap would take the tombstones into the
   * batches' transactions. Every replica runs this; a tombstone written twice forgets the same.
   */
  async forgetExpired(): Promise<number> {
    const expired = this.store.expired(this.options.retentionDays);
    if (expired.length === 0) return 0;
    for (let start = 0; start < expired.length; start += TOMBSTONES_PER_SEND) {
      const codes = expired.slice(start, start + TOMBSTONES_PER_SEND);
      await this.changelog.forget(codes);
      this.store.forget(codes);
    }
    this.logger.info(
      { dossiers: expired.length, days: this.options.retentionDays },
      'forgot the state of dossiers untouched for the retention window',
    );
    return expired.length;
  }

  private async reachEnd(): Promise<void> {
    await this.changelog.reached(await this.changelog.endOffsets());
  }
}
