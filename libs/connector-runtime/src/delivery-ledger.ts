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

/** What each connector delivered (PostgreSQL), so a redelivered event never reaches a target twice. */
export class DeliveryLedger {
  constructor(
    private readonly database: Database,
    private readonly connector: string,
  ) {}

  /** Delivered or skipped before; a dead-lettered event is tried again when it is replayed. */
  async alreadyHandled(sourceEventId: string): Promise<boolean> {
    const rows = await this.database.query(
      "SELECT 1 FROM delivery_ledger WHERE connector = $1 AND source_event_id = $2 AND outcome <> 'failed'",
      [this.connector, sourceEventId],
    );
    return rows.length > 0;
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

  async recordDelivered(entry: LedgerEntry, delivered: Delivered): Promise<void> {
    await this.database.transaction(async (client) => {
      await client.query(
        `INSERT INTO delivery_ledger (connector, source_event_id, dossier_code, sequence, status, outcome, attempts, answer)
         VALUES ($1, $2, $3, $4, $5, 'delivered', $6, $7)
         ON CONFLICT (connector, source_event_id) DO UPDATE SET outcome = 'delivered',
           attempts = EXCLUDED.attempts, answer = EXCLUDED.answer, delivered_at = now()`,
        [
          this.connector,
          entry.sourceEventId,
          entry.dossierCode,
          entry.sequence,
          entry.status,
          entry.attempts,
          JSON.stringify(delivered.answer ?? null),
        ],
      );
      const { state } = delivered;
      await client.query(
        `INSERT INTO target_dossier_state (connector, dossier_code, last_sequence, status, created, record)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (connector, dossier_code) DO UPDATE SET last_sequence = EXCLUDED.last_sequence,
           status = EXCLUDED.status, created = EXCLUDED.created, record = EXCLUDED.record, updated_at = now()`,
        [
          this.connector,
          entry.dossierCode,
          state.lastSequence,
          state.status,
          state.created,
          JSON.stringify(state.record),
        ],
      );
    });
  }

  async recordNotDelivered(
    entry: LedgerEntry,
    outcome: 'skipped_stale' | 'failed',
    answer: unknown,
  ): Promise<void> {
    await this.database.query(
      `INSERT INTO delivery_ledger (connector, source_event_id, dossier_code, sequence, status, outcome, attempts, answer)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (connector, source_event_id) DO UPDATE SET outcome = EXCLUDED.outcome,
         attempts = EXCLUDED.attempts, answer = EXCLUDED.answer, delivered_at = now()`,
      [
        this.connector,
        entry.sourceEventId,
        entry.dossierCode,
        entry.sequence,
        entry.status,
        outcome,
        entry.attempts,
        JSON.stringify(answer ?? null),
      ],
    );
  }
}
