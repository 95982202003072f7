import type { OutgoingRecord } from '@lienthong/kafka';
import type { Connector } from '../connector';
import type { DossierRecord } from '../dossier-record';
import { PermanentError, RetriableError } from '../errors';
import { inParallel } from '../in-parallel';
import type { Outcomes } from '../outcome/outcomes';
import type { DeliveryRecords } from '../record/delivery-records';
import type { TargetPolicy } from '../target-policy';

/**
 * Events older than what the target holds: never sent as the dossier's record, but what they still
 * add (a late step's progress record) goes through the connector's deliverStale, with the same
 * retries, parking and dead letters as any delivery; then they are noted as skipped. Each dossier's
 * go alone (dossiers side by side), so a failure holds up or refuses only that dossier's steps.
 */
export class StaleDelivery<Item> {
  constructor(
    private readonly connector: Connector<Item>,
    private readonly policy: TargetPolicy,
    private readonly records: DeliveryRecords,
    private readonly outcomes: Outcomes,
    private readonly concurrency: number,
  ) {}

  async deliver(
    staleByDossier: DossierRecord<Item>[][],
    heartbeat: () => Promise<void>,
  ): Promise<OutgoingRecord[]> {
    const outputs: OutgoingRecord[] = [];
    await inParallel(staleByDossier, this.concurrency, async (own) => {
      outputs.push(...(await this.deliverOfDossier(own, heartbeat)));
    });
    return outputs;
  }

  /** One dossier's older events. */
  async deliverOfDossier(
    stale: DossierRecord<Item>[],
    heartbeat: () => Promise<void>,
  ): Promise<OutgoingRecord[]> {
    const deliverStale = this.connector.deliverStale?.bind(this.connector);
    try {
      const history = deliverStale
        ? await this.policy.call(() => deliverStale(stale.map(({ item }) => item)), heartbeat)
        : undefined;
      await this.records.skippedStale(stale, history);
      return [];
    } catch (error) {
      if (error instanceof RetriableError) return stale.map((event) => this.outcomes.parked(event, error));
      if (!(error instanceof PermanentError)) throw error;
      return this.outcomes.refused(stale, error);
    }
  }
}
