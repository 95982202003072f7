import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { PortalConnectorModule, portalConnectorConfigSpec } from '@lienthong/national-portal';

runMain(async () => {
  const { PORTAL_CONNECTOR_HTTP_PORT } = readConfig(portalConnectorConfigSpec);
  runUntilSignal([
    await startApp('connector-national-portal', PortalConnectorModule.register(), {
      port: PORTAL_CONNECTOR_HTTP_PORT,
    }),
  ]);
});
