import type { ReplicaReport } from '@lienthong/connector-control';
import { tracingEnabled, type Logger } from '@lienthong/observability';
import type { Connector, Delivered } from '../connector';
import { deliverySeconds } from '../connector-metrics';
import type { PendingDossier } from '../dossier-record';
import { DeliveryError, RetriableError } from '../errors';
import type { DeliveryRecords } from '../record/delivery-records';
import { traceDelivery, type DeliveryTiming } from '../record/delivery-spans';

/** Calls the target through `run`, which may retry the call. */
export type Run = (target: () => Promise<Delivered[]>) => Promise<Delivered[]>;

/**
 * The one path from the runtime to the connector's target: notes what may reach the target, calls it,
 * publishes and records what the outcomes produce, and times and traces it all.
 */
export class TargetCall<Item> {
  private last: ReplicaReport['lastError'] = null;

  constructor(
    private readonly connector: Connector<Item>,
    private readonly records: DeliveryRecords,
    private readonly logger: Logger,
  ) {}

  /** The last failure of a call, for the replica's report. */
  get lastError(): ReplicaReport['lastError'] {
    return this.last;
  }

  /** Sends the items (through `run`, which may retry) and records the outcomes. Throws the target's error. */
  async send(items: PendingDossier<Item>[], run: Run): Promise<Delivered[]> {
    await this.records.attempting(items);
    const stopTimer = deliverySeconds.startTimer({ connector: this.connector.name });
    const timing: DeliveryTiming = { started: Date.now(), targetStarted: 0, targetEnded: 0 };
    let attempts = 0;
    let failure: unknown;
    try {
      const results = await run(async () => {
        attempts += 1;
        timing.targetStarted ||= Date.now();
        try {
          return await this.callTarget(items);
        } finally {
          timing.targetEnded = Date.now();
        }
      });
      await this.records.delivered(items, results, attempts);
      return results;
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      stopTimer();
      if (tracingEnabled()) traceDelivery(this.connector.name, items, timing, attempts, failure);
    }
  }

  /**
   * The connector's work; an error it did not classify is retried like a transient one, so a bug or an
   * unforeseen answer parks the event and finally dead-letters it, never stalling the partition.
   */
  private async callTarget(items: PendingDossier<Item>[]): Promise<Delivered[]> {
    try {
      return await this.callConnector(items);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.last = {
        code: (error as { code?: string }).code ?? 'UNCLASSIFIED',
        message,
        at: new Date().toISOString(),
      };
      if (error instanceof DeliveryError) throw error;
      this.logger.error(
        { err: error, dossiers: items.length },
        'connector failed unclassified; retried, then parked',
      );
      throw new RetriableError('UNCLASSIFIED', message, { cause: error });
    }
  }

  private async callConnector(items: PendingDossier<Item>[]): Promise<Delivered[]> {
    if (this.connector.deliverMany) {
      return this.connector.deliverMany(
        items.map(({ events, previous }) => ({ dossiers: events.map((event) => event.item), previous })),
      );
    }
    // Without deliverMany, only single events are sent (see DossierDispatch).
    const [{ events, previous }] = items;
    return [await this.connector.deliver(events[0].item, previous)];
  }
}
