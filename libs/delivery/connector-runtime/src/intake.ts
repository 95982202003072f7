import { HubHeader, type IncomingRecord, type Topics, type TopicSpec } from '@lienthong/kafka';
import { Counter, metricsRegistry } from '@lienthong/observability';
import {
  ApplicantSeal,
  SealedPartRefused,
  type ApplicantProfile,
  type OpeningKeys,
} from '@lienthong/personal-data';
import { SchemaValidator, type DossierEvent } from '@lienthong/schemas';
import { PermanentError } from './errors';

/** What the runtime knows of any item it delivers: its order, its idempotency key, its ledger row. */
export interface ItemKey {
  /**
   * What the target holds one state of: the runtime delivers a subject's items in sequence order,
   * one at a time across replicas, and keeps the target's state per subject (a dossier event's
   * dossier code; a payment request's own id).
   */
  subject: string;
  /** The dossier the item is about: on its ledger row (the dossier's trace) and its log lines. */
  dossierCode: string;
  /** An item is known by its source system and the id that system gave it: the idempotency key. */
  sourceSystem: string;
  sourceEventId: string;
  /** Its place among its subject's items. */
  sequence: number;
  /** The dossier's status the item carries, kept on its ledger row; null when it carries none. */
  status: number | null;
}

/**
 * What a connector consumes: its input topics, and how one record is read into an item. A record that
 * can never be read is dead-lettered with the reason `read` throws (a PermanentError's code).
 */
export interface Intake<Item> {
  /** The topics read, created at start with their settings. */
  inputs(topics: Topics, connector: string): TopicSpec[];
  /**
   * Optional: whether a record of its inputs is meant for this connector at all (a topic every
   * connector reads). One that is not is skipped: no item, no ledger row, no dead letter; its offset is
   * committed with its batch's. Without it, every record is.
   */
  isFor?(record: IncomingRecord, topics: Topics, connector: string): boolean;
  /** The record's item; throws a PermanentError when it is not one. */
  read(record: IncomingRecord): Item;
  keyOf(item: Item): ItemKey;
}

// Tolerant: a newer hub's optional fields must not make this connector dead-letter its events.
const dossierSchema = new SchemaValidator<DossierEvent>('dossier.v1.json', { tolerant: true });

// During a seal-key rotation operators drop the previous key once this stays still (docs/runbook.md).
const openedWithPreviousKey = new Counter({
  name: 'lienthong_sealed_parts_opened_with_previous_key_total',
  help: 'Sealed applicant parts a connector opened only with the previous key of a rotation (PERSONAL_DATA_*_KEY_PREVIOUS), by part',
  labelNames: ['part'] as const,
  registers: [metricsRegistry],
});

/**
 * The usual intake: the dossier.v1 events the hub routed to the connector (named in their routes header;
 * stale ones never are), and whatever is on its own `route.<name>.v1` (replays of its dead letters,
 * events sent by hand), each with the applicant its profile opens with its keys (ApplicantSeal): the
 * same event its route copy carried when the hub wrote one per connector.
 */
export function routedDossierEvents(profile: ApplicantProfile, keys: OpeningKeys): Intake<DossierEvent> {
  const seal = ApplicantSeal.opening(profile, keys, (part) => openedWithPreviousKey.inc({ part }));
  return {
    inputs: (topics, connector) => [topics.dossierSpec, topics.routeSpec(connector)],
    isFor(record, topics, connector) {
      if (record.topic !== topics.dossier) return true;
      if (record.headers[HubHeader.Stale] === 'true') return false;
      return (record.headers[HubHeader.Routes] ?? '').split(',').includes(connector);
    },
    read: (record) => readDossierEvent(record.value, seal),
    keyOf: ({ dossierCode, status, provenance }) => ({
      subject: dossierCode,
      dossierCode,
      sourceSystem: provenance.sourceSystem,
      sourceEventId: provenance.sourceEventId,
      sequence: provenance.sequence,
      status,
    }),
  };
}

/**
 * A dossier.v1 record's event with the applicant `seal` opens, as a connector reads it (and the console's
 * reveal a connector's dead letter). Throws a PermanentError: INVALID_DOSSIER_EVENT, SEALED_PART_REFUSED.
 */
export function readDossierEvent(value: Buffer | null, seal: ApplicantSeal): DossierEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value?.toString('utf8') ?? '');
  } catch {
    parsed = undefined;
  }
  if (!dossierSchema.is(parsed)) throw new PermanentError('INVALID_DOSSIER_EVENT', 'not a dossier.v1 event');
  try {
    return seal.open(parsed);
  } catch (error) {
    if (error instanceof SealedPartRefused) throw new PermanentError('SEALED_PART_REFUSED', error.message);
    throw error;
  }
}
