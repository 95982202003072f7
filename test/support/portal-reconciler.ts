import { readConfig } from '@lienthong/config';
import { connectorRuntimeConfigSpec, standaloneAmendments } from '@lienthong/connector-runtime';
import type { Database } from '@lienthong/database';
import { PortalClient, portalConfigSpec, Reconciler } from '@lienthong/national-portal';

/**
 * The portal connector's reconciler as a test runs it, beside the apps: on the database given, with
 * amendments published as a standalone connector would. `close` stops the amendments' producer.
 */
export function standalonePortalReconciler(database: Database, env: NodeJS.ProcessEnv) {
  const { amendments, close } = standaloneAmendments(
    'national-portal',
    database,
    readConfig(connectorRuntimeConfigSpec, env),
  );
  return {
    reconciler: new Reconciler(new PortalClient(readConfig(portalConfigSpec, env)), database, amendments),
    close,
  };
}
