import type { Database } from '@lienthong/database';
import { eventIdOf } from '@lienthong/schemas';
import type { Delivered, TargetState } from './connector';

interface DossierRow {
  dossier_code: string;
  last_sequence: string | null;
  status: number | null;
  created: boolean | null;
  record: unknown;
  attempted_sequence: string | null;
}

export interface LedgerEntry {
  /** An event is known by its source system and its id: two systems may use the same ids. */
  sourceSystem: string;
  sourceEventId: string;
  /** What the target's state is kept for (ItemKey.subject); the dossier code of a dossier event. */
  subject: string;
  dossierCode: string;
  sequence: number;
  status: number | null;
  attempts: number;
}

/** What the ledger knows of one dossier at the target. */
export interface DossierAtTarget {
  previous?: TargetState;
  /** The newest sequence ever sent (or being sent) for the dossier; 0 when none. */
  attempted: number;
}

type Outcome = 'delivered' | 'skipped_stale' | 'failed';

/** Inserts ledger rows for several events in one statement; a replayed event's row is overwritten. */
const INSERT_ENTRIES = `
  INSERT INTO delivery_ledger (connector, source_system, source_event_id, dossier_code, sequence, status, outcome, attempts, answer)
  SELECT $1, entry.source_system, entry.source_event_id, entry.dossier_code, entry.sequence, entry.status, $2, entry.attempts, entry.answer
  FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::smallint[], $8::int[], $9::jsonb[])
    AS entry (source_system, source_event_id, dossier_code, sequence, status, attempts, answer)
  ON CONFLICT (connector, source_system, source_event_id) DO UPDATE SET outcome = EXCLUDED.outcome,
    attempts = EXCLUDED.attempts, answer = EXCLUDED.answer, delivered_at = now()`;

/**
 * What each connector delivered (PostgreSQL), so a redelivered event never reaches a target twice.
 * Every method takes many dossiers at once: a batch costs a handful of statements, not a few per event.
 * The target's state and attempts are kept per subject (ItemKey): the dossier code of a dossier event,
 * a payment request's own id; the ledger's rows name the dossier.
 */
export class DeliveryLedger {
  constructor(
    private readonly database: Database,
    private readonly connector: string,
  ) {}

  /**
   * Of these events, the keys (eventIdOf) of those delivered or skipped before; a dead-lettered one is
   * tried again when replayed.
   */
  async alreadyHandled(events: { sourceSystem: string; sourceEventId: string }[]): Promise<Set<string>> {
    const rows = await this.database.query<{ source_system: string; source_event_id: string }>(
      `SELECT source_system, source_event_id FROM delivery_ledger
       WHERE connector = $1 AND outcome <> 'failed'
         AND (source_system, source_event_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [this.connector, events.map((event) => event.sourceSystem), events.map((event) => event.sourceEventId)],
    );
    return new Set(
      rows.map((row) => eventIdOf({ sourceSystem: row.source_system, sourceEventId: row.source_event_id })),
    );
  }

  async dossiers(dossierCodes: string[]): Promise<Map<string, DossierAtTarget>> {
    const rows = await this.database.query<DossierRow>(
      `SELECT code AS dossier_code, s.last_sequence, s.status, s.created, s.record, a.attempted_sequence
       FROM unnest($2::text[]) AS code
       LEFT JOIN target_dossier_state s ON s.connector = $1 AND s.dossier_code = code
       LEFT JOIN target_attempts a ON a.connector = $1 AND a.dossier_code = code`,
      [this.connector, dossierCodes],
    );
    return new Map(
      rows.map((row) => [
        row.dossier_code,
        {
          attempted: Number(row.attempted_sequence ?? 0),
          previous:
            row.last_sequence === null
              ? undefined
              : {
                  lastSequence: Number(row.last_sequence),
                  status: row.status,
                  created: row.created === true,
                  record: row.record,
                },
        },
      ]),
    );
  }

  /** Notes, before a call, the newest sequence of each dossier that may reach the target from now on. */
  async markAttempted(attempts: { dossierCode: string; sequence: number }[]): Promise<void> {
    await this.database.query(
      `INSERT INTO target_attempts (connector, dossier_code, attempted_sequence)
       SELECT $1, attempt.code, max(attempt.sequence)
       FROM unnest($2::text[], $3::bigint[]) AS attempt (code, sequence) GROUP BY attempt.code
       ON CONFLICT (connector, dossier_code)
       DO UPDATE SET attempted_sequence = GREATEST(target_attempts.attempted_sequence, EXCLUDED.attempted_sequence),
         attempted_at = now()`,
      [
        this.connector,
        attempts.map((attempt) => attempt.dossierCode),
        attempts.map((attempt) => attempt.sequence),
      ],
    );
  }

  /** Events and the target's new state of their dossiers, in one statement (so together or not at all). */
  async recordDelivered(deliveries: { entries: LedgerEntry[]; delivered: Delivered }[]): Promise<void> {
    const states = deliveries.map(({ entries, delivered }) => ({
      code: entries[0].subject,
      ...delivered.state,
    }));
    await this.database.query(
      `WITH ledger AS (${INSERT_ENTRIES})
       INSERT INTO target_dossier_state (connector, dossier_code, last_sequence, status, created, record)
       SELECT $1, state.code, state.last_sequence, state.status, state.created, state.record
       FROM unnest($10::text[], $11::bigint[], $12::smallint[], $13::boolean[], $14::jsonb[])
         AS state (code, last_sequence, status, created, record)
       ON CONFLICT (connector, dossier_code) DO UPDATE SET last_sequence = EXCLUDED.last_sequence,
         status = EXCLUDED.status, created = EXCLUDED.created, record = EXCLUDED.record, updated_at = now()`,
      [
        ...this.entryParams(
          'delivered',
          deliveries.flatMap(({ entries, delivered }) =>
            entries.map((entry) => ({ entry, answer: delivered.answer })),
          ),
        ),
        states.map((state) => state.code),
        states.map((state) => state.lastSequence),
        states.map((state) => state.status),
        states.map((state) => state.created),
        states.map((state) => JSON.stringify(state.record)),
      ],
    );
  }

  /** The target's new state of a dossier changed by a followed fact rather than by an event. */
  async recordAmended(dossierCode: string, state: TargetState): Promise<void> {
    await this.database.query(
      `UPDATE target_dossier_state SET status = $3, created = $4, record = $5, updated_at = now()
       WHERE connector = $1 AND dossier_code = $2`,
      [this.connector, dossierCode, state.status, state.created, JSON.stringify(state.record)],
    );
  }

  async recordNotDelivered(
    entries: LedgerEntry[],
    outcome: Exclude<Outcome, 'delivered'>,
    answer: unknown,
  ): Promise<void> {
    await this.database.query(
      INSERT_ENTRIES,
      this.entryParams(
        outcome,
        entries.map((entry) => ({ entry, answer })),
      ),
    );
  }

  private entryParams(outcome: Outcome, rows: { entry: LedgerEntry; answer: unknown }[]): unknown[] {
    return [
      this.connector,
      outcome,
      rows.map(({ entry }) => entry.sourceSystem),
      rows.map(({ entry }) => entry.sourceEventId),
      rows.map(({ entry }) => entry.dossierCode),
      rows.map(({ entry }) => entry.sequence),
      rows.map(({ entry }) => entry.status),
      rows.map(({ entry }) => entry.attempts),
      rows.map(({ answer }) => JSON.stringify(answer ?? null)),
    ];
  }
}
