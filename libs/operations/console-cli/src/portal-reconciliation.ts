import { readConfig } from '@lienthong/config';
import { connectorRuntimeConfigSpec, standaloneAmendments } from '@lienthong/connector-runtime';
import { Database, databaseConfigSpec } from '@lienthong/database';
import {
  PortalClient,
  PortalConnector,
  portalConfigSpec,
  Reconciler,
  type ReconciliationReport,
} from '@lienthong/national-portal';

const reconcileConfigSpec = { ...portalConfigSpec, ...databaseConfigSpec, ...connectorRuntimeConfigSpec };

/**
 * `lienthong reconcile`: what the national-portal connector delivered against what TraCuuHoSo answers,
 * on the host (DATABASE_URL, PORTAL_*), every dossier delivered (since a date) or one. Re-sends go the connector's way: each dossier's turn, the
 * ledger, the rate limit and the breaker. Loaded only by that command (the database, the connector).
 */
export async function reconcilePortal(
  env: NodeJS.ProcessEnv,
  scope: { since?: Date; dossierCode?: string },
  onProgress: (checked: number, total: number) => void,
): Promise<ReconciliationReport> {
  const config = readConfig(reconcileConfigSpec, env);
  const database = new Database(config);
  const { amendments, close } = standaloneAmendments(PortalConnector.connectorName, database, config);
  try {
    await database.prepare();
    return await new Reconciler(new PortalClient(config), database, amendments).run({
      ...scope,
      trigger: 'operator',
      onProgress,
    });
  } finally {
    await close();
    await database.close();
  }
}
