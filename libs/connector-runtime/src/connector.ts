import type { OutgoingRecord } from '@lienthong/kafka';
import type { DossierEvent } from '@lienthong/schemas';

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
 * ledger; a connector only turns a dossier event into calls and says how they went, by returning or by
 * throwing a RetriableError or PermanentError.
 */
export interface Connector {
  /** Its route topic is `route.<name>.v1` and its dead letters go to `dlq.<name>.v1`. */
  readonly name: string;
  deliver(dossier: DossierEvent, previous: TargetState | undefined): Promise<Delivered>;
  /**
   * Optional: delivers several new events of one dossier at once (in sequence order, the last the
   * newest), e.g. the newest record plus every event's progress. The runtime falls back to `deliver`
   * one by one when this refuses the events for good, to find the one at fault.
   */
  deliverSeveral?(dossiers: DossierEvent[], previous: TargetState | undefined): Promise<Delivered>;
}
