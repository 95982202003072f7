import type { Database } from '@lienthong/database';
import { eventIdOf, type DossierEvent, type SourceEventRef } from '@lienthong/schemas';

/**
 * The source partition a batch comes from and where it starts: the committed offset. Rows this
 * partition wrote at or after it belong to an attempt whose transaction never committed.
 */
export interface BatchOrigin {
  topic: string;
  partition: number;
  firstOffset: string;
}

/** An applied event and the source record that applied it. */
export interface AppliedEvent {
  dossier: DossierEvent;
  offset: string;
}

/**
 * Rows counted as applied: every one but those of the batch's own partition from its first offset on
 * (the origin's three parameters from `$first`).
 */
const committed = (first: number) =>
  `(src_topic IS DISTINCT FROM $${first} OR src_partition <> $${first + 1} OR src_offset < $${first + 2}::bigint)`;

/**
 * What the hub already applied, read and written once per batch (never per message), before the batch's
 * Kafka transaction commits: a crash after the commit loses nothing, and rows of an attempt that never
 * committed are not counted when its batch is consumed again.
 */
export class DossierMemory {
  constructor(private readonly database: Database) {}

  /** The ids (`eventIdOf`) of these events that were applied before. */
  async appliedEvents(keys: SourceEventRef[], origin: BatchOrigin): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.database.query<{ source_system: string; source_event_id: string }>(
      `SELECT source_system, source_event_id FROM hub_applied_events
       WHERE (source_system, source_event_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
         AND ${committed(3)}`,
      [keys.map((key) => key.sourceSystem), keys.map((key) => key.sourceEventId), ...originParams(origin)],
    );
    return new Set(
      rows.map((row) => eventIdOf({ sourceSystem: row.source_system, sourceEventId: row.source_event_id })),
    );
  }

  /** The latest applied sequence of each of these dossiers that the hub has seen. */
  async lastSequences(dossierCodes: string[], origin: BatchOrigin): Promise<Map<string, number>> {
    if (dossierCodes.length === 0) return new Map();
    // One index look-up per dossier: with `= ANY(...)` over a large table the planner chose a full scan,
    // and each batch got slower as the state grew.
    const rows = await this.database.query<{ dossier_code: string; last_sequence: string }>(
      `SELECT code AS dossier_code, last.sequence AS last_sequence
       FROM unnest($1::text[]) AS code
       CROSS JOIN LATERAL (
         SELECT max(sequence) AS sequence FROM hub_applied_events
         WHERE dossier_code = code AND sequence IS NOT NULL AND ${committed(2)}
       ) AS last
       WHERE last.sequence IS NOT NULL`,
      [dossierCodes, ...originParams(origin)],
    );
    return new Map(rows.map((row) => [row.dossier_code, Number(row.last_sequence)]));
  }

  /**
   * Records applied events with the record that applied them (an attempt consumed again rewrites its
   * rows), and each dossier's latest sequence and status for whoever looks it up.
   */
  async remember(applied: AppliedEvent[], latest: DossierEvent[], origin: BatchOrigin): Promise<void> {
    if (applied.length === 0) return;
    // One statement, so atomic without a transaction's extra round trips on every batch.
    await this.database.query(
      `WITH applied AS (
         INSERT INTO hub_applied_events
           (source_system, source_event_id, dossier_code, sequence, src_topic, src_partition, src_offset)
         SELECT event.system, event.id, event.code, event.sequence, $9, $10, event.src_offset
         FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[])
           AS event (system, id, code, sequence, src_offset)
         ON CONFLICT (source_system, source_event_id) DO UPDATE SET dossier_code = EXCLUDED.dossier_code,
           sequence = EXCLUDED.sequence, src_topic = EXCLUDED.src_topic,
           src_partition = EXCLUDED.src_partition, src_offset = EXCLUDED.src_offset, applied_at = now()
       )
       INSERT INTO hub_dossier_state (dossier_code, last_sequence, status)
       SELECT * FROM unnest($6::text[], $7::bigint[], $8::smallint[])
       ON CONFLICT (dossier_code) DO UPDATE
         SET last_sequence = EXCLUDED.last_sequence, status = EXCLUDED.status, updated_at = now()
         WHERE hub_dossier_state.last_sequence < EXCLUDED.last_sequence`,
      [
        applied.map(({ dossier }) => dossier.provenance.sourceSystem),
        applied.map(({ dossier }) => dossier.provenance.sourceEventId),
        applied.map(({ dossier }) => dossier.dossierCode),
        applied.map(({ dossier }) => dossier.provenance.sequence),
        applied.map(({ offset }) => offset),
        latest.map((event) => event.dossierCode),
        latest.map((event) => event.provenance.sequence),
        latest.map((event) => event.status),
        origin.topic,
        origin.partition,
      ],
    );
  }
}

const originParams = ({ topic, partition, firstOffset }: BatchOrigin) => [topic, partition, firstOffset];

/** What the hub last applied to a dossier, for whoever looks it up. */
export interface HubDossierState {
  lastSequence: number;
  status: number;
  updatedAt: Date;
}

/** A dossier's state as the hub last applied it; undefined for one it never saw. */
export async function hubDossierStateOf(
  database: Database,
  dossierCode: string,
): Promise<HubDossierState | undefined> {
  const [row] = await database.query<{ last_sequence: string; status: number; updated_at: Date }>(
    'SELECT last_sequence, status, updated_at FROM hub_dossier_state WHERE dossier_code = $1',
    [dossierCode],
  );
  return row && { lastSequence: Number(row.last_sequence), status: row.status, updatedAt: row.updated_at };
}
