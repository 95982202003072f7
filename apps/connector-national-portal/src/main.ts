import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { ConnectorModule } from '@lienthong/connector-runtime';
import { portalConnectorConfigSpec, portalConnectorDefinition } from '@lienthong/national-portal';

runMain(async () => {
  const { PORTAL_CONNECTOR_HTTP_PORT } = readConfig(portalConnectorConfigSpec);
  runUntilSignal([
    await startApp('connector-national-portal', ConnectorModule.register(portalConnectorDefinition), {
      port: PORTAL_CONNECTOR_HTTP_PORT,
    }),
  ]);
});
