import type { Database } from '@lienthong/database';
import { PortalConnector } from '../portal.connector';
import type { DriftFound } from './reconciliation-report';

/** The last thing a reconciliation found about a dossier at the portal, and when. */
export interface Finding extends DriftFound {
  foundAt: Date;
}

/**
 * For these dossiers, what the latest reconciliation run that found each of them missing or differing
 * at the portal reported (runs finished since `since`): the portal-side evidence of a score's drift.
 */
export async function latestFindingsAmong(
  database: Database,
  dossierCodes: string[],
  since: Date,
): Promise<Map<string, Finding>> {
  if (dossierCodes.length === 0) return new Map();
  const rows = await database.query<{ finding: DriftFound; found_at: Date }>(
    `SELECT DISTINCT ON (finding ->> 'dossierCode') finding, r.finished_at AS found_at
     FROM reconciliation_runs r, jsonb_array_elements(r.report -> 'drifts') AS finding
     WHERE r.connector = $1 AND r.finished_at >= $2 AND r.missing + r.differing > 0
       AND finding ->> 'dossierCode' = ANY($3::text[])
     ORDER BY finding ->> 'dossierCode', r.finished_at DESC`,
    [PortalConnector.connectorName, since, dossierCodes],
  );
  return new Map(rows.map((row) => [row.finding.dossierCode, { ...row.finding, foundAt: row.found_at }]));
}
