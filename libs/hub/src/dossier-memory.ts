import type { Database } from '@lienthong/database';
import type { DossierEvent } from '@lienthong/schemas';

export interface EventKey {
  system: string;
  eventId: string;
}

/** What the hub already applied, read and written once per batch (never per message). */
export class DossierMemory {
  constructor(private readonly database: Database) {}

  /** The `system/eventId` keys of these events that were applied before. */
  async appliedEvents(keys: EventKey[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.database.query<{ source_system: string; source_event_id: string }>(
      `SELECT source_system, source_event_id FROM hub_applied_events
       WHERE (source_system, source_event_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [keys.map((key) => key.system), keys.map((key) => key.eventId)],
    );
    return new Set(rows.map((row) => `${row.source_system}/${row.source_event_id}`));
  }

  /** The latest applied sequence of each of these dossiers that the hub has seen. */
  async lastSequences(dossierCodes: string[]): Promise<Map<string, number>> {
    if (dossierCodes.length === 0) return new Map();
    const rows = await this.database.query<{ dossier_code: string; last_sequence: string }>(
      'SELECT dossier_code, last_sequence FROM hub_dossier_state WHERE dossier_code = ANY($1::text[])',
      [dossierCodes],
    );
    return new Map(rows.map((row) => [row.dossier_code, Number(row.last_sequence)]));
  }

  /** Records applied events; a dossier's sequence only ever grows. */
  async remember(applied: DossierEvent[], latest: DossierEvent[]): Promise<void> {
    if (applied.length === 0) return;
    // One statement, so atomic without a transaction's extra round trips on every batch.
    await this.database.query(
      `WITH applied AS (
         INSERT INTO hub_applied_events (source_system, source_event_id, dossier_code)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING
       )
       INSERT INTO hub_dossier_state (dossier_code, last_sequence, status)
       SELECT * FROM unnest($4::text[], $5::bigint[], $6::smallint[])
       ON CONFLICT (dossier_code) DO UPDATE
         SET last_sequence = EXCLUDED.last_sequence, status = EXCLUDED.status, updated_at = now()
         WHERE hub_dossier_state.last_sequence < EXCLUDED.last_sequence`,
      [
        applied.map((event) => event.provenance.sourceSystem),
        applied.map((event) => event.provenance.sourceEventId),
        applied.map((event) => event.dossierCode),
        latest.map((event) => event.dossierCode),
        latest.map((event) => event.provenance.sequence),
        latest.map((event) => event.status),
      ],
    );
  }
}
