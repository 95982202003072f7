import type { Database } from '@lienthong/database';
import type { Delivered, TargetState } from './connector';

interface StateRow {
  last_sequence: string;
  status: number | null;
  created: boolean;
  record: unknown;
}

export interface LedgerEntry {
  sourceEventId: string;
  dossierCode: string;
  sequence: number;
  status: number;
  attempts: number;
}

type Outcome = 'delivered' | 'skipped_stale' | 'failed';

/** Inserts ledger rows for several events in one statement; a replayed event's row is overwritten. */
const INSERT_ENTRIES = `
  INSERT INTO delivery_ledger (connector, source_event_id, dossier_code, sequence, status, outcome, attempts, answer)
  SELECT $1, entry.source_event_id, entry.dossier_code, entry.sequence, entry.status, $2, entry.attempts, $3
  FROM unnest($4::text[], $5::text[], $6::bigint[], $7::smallint[], $8::int[])
    AS entry (source_event_id, dossier_code, sequence, status, attempts)
  ON CONFLICT (connector, source_event_id) DO UPDATE SET outcome = EXCLUDED.outcome,
    attempts = EXCLUDED.attempts, answer = EXCLUDED.answer, delivered_at = now()`;

/** What each connector delivered (PostgreSQL), so a redelivered event never reaches a target twice. */
export class DeliveryLedger {
  constructor(
    private readonly database: Database,
    private readonly connector: string,
  ) {}

  /** Of these events, the ones delivered or skipped before; a dead-lettered one is tried again when replayed. */
  async alreadyHandled(sourceEventIds: string[]): Promise<Set<string>> {
    const rows = await this.database.query<{ source_event_id: string }>(
      `SELECT source_event_id FROM delivery_ledger
       WHERE connector = $1 AND source_event_id = ANY($2) AND outcome <> 'failed'`,
      [this.connector, sourceEventIds],
    );
    return new Set(rows.map((row) => row.source_event_id));
  }

  /** Notes, before a call, the newest sequence that may reach the target from now on. */
  async markAttempted(dossierCode: string, sequence: number): Promise<void> {
    await this.database.query(
      `INSERT INTO target_attempts (connector, dossier_code, attempted_sequence) VALUES ($1, $2, $3)
       ON CONFLICT (connector, dossier_code)
       DO UPDATE SET attempted_sequence = GREATEST(target_attempts.attempted_sequence, EXCLUDED.attempted_sequence)`,
      [this.connector, dossierCode, sequence],
    );
  }

  /** The newest sequence ever sent (or being sent) for the dossier; 0 when none. */
  async attemptedSequence(dossierCode: string): Promise<number> {
    const [row] = await this.database.query<{ attempted_sequence: string }>(
      'SELECT attempted_sequence FROM target_attempts WHERE connector = $1 AND dossier_code = $2',
      [this.connector, dossierCode],
    );
    return Number(row?.attempted_sequence ?? 0);
  }

  async targetState(dossierCode: string): Promise<TargetState | undefined> {
    const [row] = await this.database.query<StateRow>(
      'SELECT last_sequence, status, created, record FROM target_dossier_state WHERE connector = $1 AND dossier_code = $2',
      [this.connector, dossierCode],
    );
    return (
      row && {
        lastSequence: Number(row.last_sequence),
        status: row.status,
        created: row.created,
        record: row.record,
      }
    );
  }

  /** The events and the target's new state for their dossier, in one statement (so together or not at all). */
  async recordDelivered(entries: LedgerEntry[], delivered: Delivered): Promise<void> {
    const { state } = delivered;
    await this.database.query(
      `WITH ledger AS (${INSERT_ENTRIES})
       INSERT INTO target_dossier_state (connector, dossier_code, last_sequence, status, created, record)
       VALUES ($1, $9, $10, $11, $12, $13)
       ON CONFLICT (connector, dossier_code) DO UPDATE SET last_sequence = EXCLUDED.last_sequence,
         status = EXCLUDED.status, created = EXCLUDED.created, record = EXCLUDED.record, updated_at = now()`,
      [
        ...this.entryParams('delivered', entries, delivered.answer),
        entries[0].dossierCode,
        state.lastSequence,
        state.status,
        state.created,
        JSON.stringify(state.record),
      ],
    );
  }

  async recordNotDelivered(
    entries: LedgerEntry[],
    outcome: Exclude<Outcome, 'delivered'>,
    answer: unknown,
  ): Promise<void> {
    await this.database.query(INSERT_ENTRIES, this.entryParams(outcome, entries, answer));
  }

  private entryParams(outcome: Outcome, entries: LedgerEntry[], answer: unknown): unknown[] {
    return [
      this.connector,
      outcome,
      JSON.stringify(answer ?? null),
      entries.map((entry) => entry.sourceEventId),
      entries.map((entry) => entry.dossierCode),
      entries.map((entry) => entry.sequence),
      entries.map((entry) => entry.status),
      entries.map((entry) => entry.attempts),
    ];
  }
}
