import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp, type RunningApp } from '@lienthong/bootstrap';
import { HubModule, hubModuleConfigSpec } from '@lienthong/hub';
import { PortalConnectorModule, portalConnectorConfigSpec } from '@lienthong/national-portal';
import { PortalSandboxModule, portalSandboxConfigSpec } from '@lienthong/sandboxes';
import { SimulatorModule } from '@lienthong/simulator';

/** All-in-one: the portal sandbox, the connector, the hub and the simulator in one process. */
runMain(async () => {
  const config = readConfig({
    ...portalSandboxConfigSpec,
    ...portalConnectorConfigSpec,
    ...hubModuleConfigSpec,
  });
  const apps: RunningApp[] = [];
  runUntilSignal(apps);
  apps.push(
    await startApp('sandbox-national-portal', PortalSandboxModule.register(), {
      port: config.PORTAL_SANDBOX_PORT,
    }),
  );
  apps.push(
    await startApp('connector-national-portal', PortalConnectorModule.register(), {
      port: config.PORTAL_CONNECTOR_HTTP_PORT,
    }),
  );
  apps.push(await startApp('hub', HubModule.register(), { port: config.HUB_HTTP_PORT }));
  apps.push(await startApp('simulator', SimulatorModule.register()));
});
