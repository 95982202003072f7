import type { DossierAtTarget } from '../delivery-ledger';
import { eventId, type DossierRecord, type PendingDossier } from '../dossier-record';

/** What the ledger says about a batch, read under the batch's dossier turns. */
export interface LedgerSnapshot {
  /** Keys (eventIdOf) of the batch's events delivered or skipped before; not those dead-lettered. */
  handled: ReadonlySet<string>;
  /** What each of the batch's dossiers has at the target; a dossier missing here has nothing there. */
  atTarget: ReadonlyMap<string, DossierAtTarget>;
}

/** What to do with each event of a batch. */
export interface DeliveryPlan<Item> {
  /** Each dossier's new events, in sequence order, dossiers in the order the batch first names them. */
  deliver: PendingDossier<Item>[];
  /** Per dossier, its events older than what its target holds or may hold: only what they add is sent. */
  stale: DossierRecord<Item>[][];
  /** Older events of dossiers not at the target yet while a newer one is in doubt: they wait (parked). */
  early: DossierRecord<Item>[];
  /** Events handled before, and second copies of an event within the batch: nothing to do. */
  duplicates: DossierRecord<Item>[];
}

/**
 * Decides what a batch's events need, from what the ledger holds; calls nothing. An event is older when
 * its sequence is not above what the target holds, or below the newest one that may have reached it
 * with its answer lost (attempted). Those older events of a dossier the target does not hold yet wait
 * for the newer one when the connector adds something of older events (`addsToStale`): what they add (a
 * progress step) has nothing to attach to until that event is through. A "dossier" here is the items'
 * subject (ItemKey): the dossier code for dossier events.
 */
export function planDeliveries<Item>(
  batch: readonly DossierRecord<Item>[],
  ledger: LedgerSnapshot,
  connector: { addsToStale: boolean },
): DeliveryPlan<Item> {
  const plan: DeliveryPlan<Item> = { deliver: [], stale: [], early: [], duplicates: [] };
  const seen = new Set(ledger.handled);
  for (const [code, events] of byDossier(batch)) {
    const { previous, attempted } = ledger.atTarget.get(code) ?? { attempted: 0 };
    // Older than what the target holds, or than what may have reached it with its answer lost.
    const isStale = ({ key: { sequence } }: DossierRecord<Item>) =>
      (previous !== undefined && sequence <= previous.lastSequence) || sequence < attempted;
    // A copy of an event in the same batch (a rebalance, a parked event sent twice) is a duplicate too.
    const fresh = events.filter((event) => {
      const id = eventId(event.key);
      if (seen.has(id)) {
        plan.duplicates.push(event);
        return false;
      }
      seen.add(id);
      return true;
    });
    const older = fresh.filter(isStale);
    if (connector.addsToStale && !previous?.created) plan.early.push(...older);
    else if (older.length > 0) plan.stale.push(older);
    const newer = fresh.filter((event) => !isStale(event)).sort((a, b) => a.key.sequence - b.key.sequence);
    if (newer.length > 0) plan.deliver.push({ events: newer, previous });
  }
  return plan;
}

/** The payload's subject (a dossier event's dossier code) decides the order, not the Kafka key. */
function byDossier<Item>(batch: readonly DossierRecord<Item>[]): Map<string, DossierRecord<Item>[]> {
  const groups = new Map<string, DossierRecord<Item>[]>();
  for (const event of batch) {
    const group = groups.get(event.key.subject);
    if (group) group.push(event);
    else groups.set(event.key.subject, [event]);
  }
  return groups;
}
