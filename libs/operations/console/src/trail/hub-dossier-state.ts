import type { Database } from '@lienthong/database';
import { HubHeader } from '@lienthong/kafka';

/** What the hub last applied to a dossier: its latest event on dossier.v1 that was not stale. */
export interface HubDossierState {
  lastSequence: number;
  status: number;
  /** When the hub wrote that event. */
  updatedAt: Date;
}

/**
 * A dossier's state as the hub applied it, read from the trail's dossier.v1 entries (the hub keeps its
 * own state on Kafka, not in the database); undefined for a dossier the hub never applied.
 */
export async function hubDossierStateOf(
  database: Database,
  dossierCode: string,
): Promise<HubDossierState | undefined> {
  const [row] = await database.query<{ sequence: string; status: number; at: Date }>(
    `SELECT sequence, status, at FROM dossier_trail
     WHERE dossier_code = $1 AND kind = 'canonical' AND sequence IS NOT NULL AND status IS NOT NULL
       AND headers ->> $2 IS DISTINCT FROM 'true'
     ORDER BY sequence DESC, at DESC LIMIT 1`,
    [dossierCode, HubHeader.Stale],
  );
  return row && { lastSequence: Number(row.sequence), status: row.status, updatedAt: row.at };
}
