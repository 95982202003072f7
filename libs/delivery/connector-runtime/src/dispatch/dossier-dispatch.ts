import type { OutgoingRecord } from '@lienthong/kafka';
import type { Logger } from '@lienthong/observability';
import type { Connector, TargetState } from '../connector';
import { locate, type DossierRecord, type PendingDossier } from '../dossier-record';
import { DeliveryError, PermanentError, RetriableError } from '../errors';
import { inParallel } from '../in-parallel';
import type { Outcomes } from '../outcome/outcomes';
import type { TargetPolicy } from '../target-policy';
import type { StaleDelivery } from './stale-delivery';
import type { TargetCall } from './target-call';

/**
 * Delivers the new events of a batch's dossiers: all dossiers in one go when the connector can and the
 * target takes it, else dossier by dossier, each through the target policy (rate limit, retries,
 * breaker). Answers where what could not be delivered goes instead (retry topics, dead letters).
 */
export class DossierDispatch<Item> {
  constructor(
    private readonly connector: Connector<Item>,
    private readonly policy: TargetPolicy,
    private readonly target: TargetCall<Item>,
    private readonly stale: StaleDelivery<Item>,
    private readonly outcomes: Outcomes,
    private readonly logger: Logger,
    private readonly options: {
      concurrency: number;
      untilResumed: (heartbeat: () => Promise<void>) => Promise<void>;
    },
  ) {}

  async deliver(pending: PendingDossier<Item>[], heartbeat: () => Promise<void>): Promise<OutgoingRecord[]> {
    if (pending.length > 1 && this.connector.deliverMany && (await this.triedTogether(pending))) return [];
    const outputs: OutgoingRecord[] = [];
    await inParallel(pending, this.options.concurrency, async (item) => {
      await this.options.untilResumed(heartbeat);
      outputs.push(...(await this.deliverDossier(item, heartbeat)));
    });
    return outputs;
  }

  /**
   * One attempt at many events together, without retries: when the target is healthy this is the fast
   * path; when it fails, the caller delivers in smaller parts, each with the full retry policy.
   */
  private async triedTogether(items: PendingDossier<Item>[]): Promise<boolean> {
    try {
      await this.target.send(items, (target) => target());
      return true;
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      this.logger.debug({ err: error, dossiers: items.length }, 'not taken together; delivering in parts');
      return false;
    }
  }

  /**
   * One dossier's new events. A connector with deliverMany gets them together (the newest record plus
   * every step), with retries: never an older event after a newer one that may have reached the target.
   * Otherwise they go one by one, in sequence order.
   */
  private async deliverDossier(
    item: PendingDossier<Item>,
    heartbeat: () => Promise<void>,
  ): Promise<OutgoingRecord[]> {
    if (item.events.length === 1 || !this.connector.deliverMany) {
      const outputs: OutgoingRecord[] = [];
      let previous = item.previous;
      for (const event of item.events) {
        const result = await this.deliverOne(event, previous, heartbeat);
        outputs.push(...result.outputs);
        previous = result.state ?? previous;
      }
      return outputs;
    }
    try {
      await this.target.send([item], (target) => this.policy.call(target, heartbeat));
      return [];
    } catch (error) {
      if (error instanceof RetriableError)
        return item.events.map((event) => this.outcomes.parked(event, error));
      if (!(error instanceof PermanentError)) throw error;
      // Refused together: the newest alone (dead-lettered if refused too), then what the older ones add.
      const newest = await this.deliverOne(item.events[item.events.length - 1], item.previous, heartbeat);
      return [...newest.outputs, ...(await this.stale.deliverOfDossier(item.events.slice(0, -1), heartbeat))];
    }
  }

  /** One event with retries; where it goes instead when it cannot be delivered (retry topic, dead letters). */
  private async deliverOne(
    event: DossierRecord<Item>,
    previous: TargetState | undefined,
    heartbeat: () => Promise<void>,
  ): Promise<{ state?: TargetState; outputs: OutgoingRecord[] }> {
    let attempts = 0;
    try {
      const [result] = await this.target.send([{ events: [event], previous }], (target) =>
        this.policy.call(() => {
          attempts += 1;
          return target();
        }, heartbeat),
      );
      return { state: result.state, outputs: [] };
    } catch (error) {
      if (error instanceof RetriableError) return { outputs: [this.outcomes.parked(event, error, attempts)] };
      if (!(error instanceof PermanentError)) throw error;
      this.logger.error({ ...locate(event), err: error }, 'target refused the dossier event; dead-lettered');
      return { outputs: await this.outcomes.refused([event], error, attempts) };
    }
  }
}
