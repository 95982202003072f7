import type { IncomingRecord, OutgoingRecord } from '@lienthong/kafka';
import type { DossierEvent } from '@lienthong/schemas';
import type { Intake } from './intake';

/** What a connector last put at its target for one dossier; kept in the ledger between deliveries. */
export interface TargetState {
  lastSequence: number;
  status: number | null;
  /** The target holds the dossier (it was created there). */
  created: boolean;
  /** The last record sent, as the target's own shape: what reconciliation compares with. */
  record: unknown;
}

export interface Delivered {
  state: TargetState;
  /** The target's answer, kept in the ledger. */
  answer: unknown;
  /** Events the outcome produces for other steps (e.g. identity.verified.v1), published after delivery. */
  publish?: OutgoingRecord[];
}

/**
 * One target system. The runtime owns consuming, ordering, idempotency, retries, dead letters and the
 * ledger; a connector only turns an item (a dossier event, unless its intake reads something else)
 * into calls and says how they went, by returning or by throwing a RetriableError or PermanentError.
 */
export interface Connector<Item = DossierEvent> {
  /** Its retry topics are `retry.<name>.<n>` and its dead letters go to `dlq.<name>.v1`. */
  readonly name: string;
  /** What it consumes and how a record is read: `routedDossierEvents` for dossier.v1 and `route.<name>.v1`. */
  readonly intake: Intake<Item>;
  deliver(item: Item, previous: TargetState | undefined): Promise<Delivered>;
  /**
   * Optional: what events older than the dossier the target holds still add there (the portal's
   * progress records of steps that came late, e.g. from a retry topic); their records are never sent
   * over a newer one. Without it such events are only noted in the ledger.
   */
  deliverStale?(dossiers: Item[]): Promise<unknown>;
  /** Optional: facts from other topics that change what the target must hold, one per topic (see FollowedFacts). */
  readonly follows?: readonly FollowedFacts[];
  /**
   * Optional: delivers the new events of several dossiers at once (each dossier's in sequence order,
   * the last the newest), answering one Delivered per dossier in the same order. The runtime uses it
   * for a whole batch when the target is healthy and falls back to smaller parts when it fails.
   */
  deliverMany?(items: { dossiers: Item[]; previous: TargetState | undefined }[]): Promise<Delivered[]>;
}

/**
 * Facts about dossiers that arrive on a topic of their own, before or after the dossier is at the
 * target (e.g. the population connector's identity.verified.v1 or the payment connector's payment.v1
 * for the portal record). The runtime consumes the topic, lets the connector keep the facts (a
 * connector reads them again at each delivery), then brings each dossier already at the target in
 * line, under the dossier's lock and the target policy, like any delivery.
 */
export interface FollowedFacts {
  topic: string;
  /** Keeps the facts the records carry; answers the dossiers they are about. */
  keep(records: IncomingRecord[]): Promise<string[]>;
  /** The target brought in line with the kept facts, or undefined when it already is. */
  amend(previous: TargetState): Promise<Delivered | undefined>;
}
