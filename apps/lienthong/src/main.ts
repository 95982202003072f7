import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp, type RunningApp } from '@lienthong/bootstrap';
import { ConnectorModule } from '@lienthong/connector-runtime';
import { ConsoleModule, consoleHttp, consoleOwnConfigSpec } from '@lienthong/console';
import { documentsConnectorConfigSpec, documentsConnectorDefinition } from '@lienthong/documents';
import { HubModule, hubModuleConfigSpec } from '@lienthong/hub';
import { DashboardModule, dashboardConfigSpec } from '@lienthong/kpi';
import { portalConnectorConfigSpec, portalConnectorDefinition } from '@lienthong/national-portal';
import { populationConnectorConfigSpec, populationConnectorDefinition } from '@lienthong/population';
import {
  DocumentsSandboxModule,
  documentsSandboxConfigSpec,
  PopulationSandboxModule,
  populationSandboxConfigSpec,
  PortalSandboxModule,
  portalSandboxConfigSpec,
} from '@lienthong/sandboxes';
import { SimulatorModule } from '@lienthong/simulator';

/** All-in-one: the three sandboxes, the three connectors, the hub, the console, the KPI dashboard and the simulator in one process. */
runMain(async () => {
  const config = readConfig({
    ...portalSandboxConfigSpec,
    ...populationSandboxConfigSpec,
    ...documentsSandboxConfigSpec,
    ...portalConnectorConfigSpec,
    ...populationConnectorConfigSpec,
    ...documentsConnectorConfigSpec,
    ...hubModuleConfigSpec,
    ...consoleOwnConfigSpec,
    ...dashboardConfigSpec,
  });
  const apps: RunningApp[] = [];
  runUntilSignal(apps);
  const parts = [
    ['sandbox-national-portal', PortalSandboxModule.register(), config.PORTAL_SANDBOX_PORT],
    ['sandbox-population', PopulationSandboxModule.register(), config.POPULATION_SANDBOX_PORT],
    ['sandbox-documents', DocumentsSandboxModule.register(), config.DOCUMENTS_SANDBOX_PORT],
    [
      'connector-national-portal',
      ConnectorModule.register(portalConnectorDefinition),
      config.PORTAL_CONNECTOR_HTTP_PORT,
    ],
    [
      'connector-population',
      ConnectorModule.register(populationConnectorDefinition),
      config.POPULATION_CONNECTOR_HTTP_PORT,
    ],
    [
      'connector-documents',
      ConnectorModule.register(documentsConnectorDefinition),
      config.DOCUMENTS_CONNECTOR_HTTP_PORT,
    ],
    ['hub', HubModule.register(), config.HUB_HTTP_PORT],
    ['dashboard', DashboardModule.register(), config.DASHBOARD_HTTP_PORT],
  ] as const;
  for (const [name, module, port] of parts) apps.push(await startApp(name, module, { port }));
  apps.push(
    await startApp('console', ConsoleModule.register(), {
      port: config.CONSOLE_PORT,
      host: config.CONSOLE_HOST,
      ...consoleHttp,
    }),
  );
  apps.push(await startApp('simulator', SimulatorModule.register()));
});
