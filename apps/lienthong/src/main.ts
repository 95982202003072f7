import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp, type HttpOptions, type RunningApp } from '@lienthong/bootstrap';
import { ConnectorModule } from '@lienthong/connector-runtime';
import { ConsoleModule, consoleConfigSpec, consoleHttp } from '@lienthong/console';
import { Database, DatabaseModule, databaseConfigSpec } from '@lienthong/database';
import { documentsConnectorConfigSpec, documentsConnectorDefinition } from '@lienthong/documents';
import { HubModule, hubHttp, hubModuleConfigSpec } from '@lienthong/hub';
import { KafkaConnection, KafkaModule, kafkaConfigSpec } from '@lienthong/kafka';
import { DashboardModule, dashboardModuleConfigSpec } from '@lienthong/kpi';
import { portalConnectorConfigSpec, portalConnectorDefinition } from '@lienthong/national-portal';
import { ObservabilityModule } from '@lienthong/observability';
import { PaymentConnectorModule, paymentConnectorConfigSpec } from '@lienthong/payment';
import { populationConnectorConfigSpec, populationConnectorDefinition } from '@lienthong/population';
import {
  DocumentsSandboxModule,
  documentsSandboxConfigSpec,
  PaymentSandboxModule,
  paymentSandboxConfigSpec,
  NationalScoreSandboxModule,
  nationalScoreSandboxConfigSpec,
  PopulationSandboxModule,
  populationSandboxConfigSpec,
  portalHttpReader,
  PortalSandboxModule,
  portalSandboxConfigSpec,
} from '@lienthong/sandboxes';
import { SimulatorModule, simulatorConfigSpec } from '@lienthong/simulator';
import type { DynamicModule } from '@nestjs/common';

/**
 * All-in-one: the sandboxes (the national scoring data's polled by the dashboard), the four connectors, the hub, the console, the KPI dashboard and the
 * simulator in one process, each an app of its own on its own port, all sharing one Kafka connection
 * and one PostgreSQL pool (the same `forRoot` modules imported by each).
 */
runMain(async () => {
  const kafka = KafkaModule.forRoot(readConfig(kafkaConfigSpec));
  const database = DatabaseModule.forRoot(readConfig(databaseConfigSpec));
  const portalSandbox = readConfig(portalSandboxConfigSpec);
  const populationSandbox = readConfig(populationSandboxConfigSpec);
  const documentsSandbox = readConfig(documentsSandboxConfigSpec);
  const paymentSandbox = readConfig(paymentSandboxConfigSpec);
  const portalConnector = readConfig(portalConnectorConfigSpec);
  const populationConnector = readConfig(populationConnectorConfigSpec);
  const documentsConnector = readConfig(documentsConnectorConfigSpec);
  const paymentConnector = readConfig(paymentConnectorConfigSpec);
  const hub = readConfig(hubModuleConfigSpec);
  const scoringSandbox = readConfig(nationalScoreSandboxConfigSpec);
  // The dashboard polls the scoring sandbox, unless NATIONAL_SCORE_URL names another service (empty: none).
  const dashboard = readConfig(dashboardModuleConfigSpec, {
    NATIONAL_SCORE_URL: `http://127.0.0.1:${scoringSandbox.NATIONAL_SCORE_SANDBOX_PORT}`,
    ...process.env,
  });
  const consoleConfig = readConfig(consoleConfigSpec);
  const parts: [string, DynamicModule[], HttpOptions | undefined][] = [
    [
      'sandbox-national-portal',
      [PortalSandboxModule.register(portalSandbox)],
      { port: portalSandbox.PORTAL_SANDBOX_PORT },
    ],
    [
      'sandbox-population',
      [PopulationSandboxModule.register(populationSandbox)],
      { port: populationSandbox.POPULATION_SANDBOX_PORT },
    ],
    [
      'sandbox-documents',
      [DocumentsSandboxModule.register(documentsSandbox)],
      { port: documentsSandbox.DOCUMENTS_SANDBOX_PORT },
    ],
    [
      'sandbox-payment',
      [PaymentSandboxModule.register(paymentSandbox)],
      { port: paymentSandbox.PAYMENT_SANDBOX_PORT },
    ],
    [
      'sandbox-national-score',
      [
        NationalScoreSandboxModule.register(scoringSandbox, {
          reader: portalHttpReader(`http://127.0.0.1:${portalSandbox.PORTAL_SANDBOX_PORT}`),
        }),
      ],
      { port: scoringSandbox.NATIONAL_SCORE_SANDBOX_PORT },
    ],
    [
      'connector-national-portal',
      [kafka, database, ConnectorModule.register(portalConnectorDefinition, portalConnector)],
      { port: portalConnector.PORTAL_CONNECTOR_HTTP_PORT },
    ],
    [
      'connector-population',
      [kafka, database, ConnectorModule.register(populationConnectorDefinition, populationConnector)],
      { port: populationConnector.POPULATION_CONNECTOR_HTTP_PORT },
    ],
    [
      'connector-documents',
      [kafka, database, ConnectorModule.register(documentsConnectorDefinition, documentsConnector)],
      { port: documentsConnector.DOCUMENTS_CONNECTOR_HTTP_PORT },
    ],
    [
      // Its HTTP port is the one the platform's result callbacks come to.
      'connector-payment',
      [
        kafka,
        database,
        PaymentConnectorModule.register(paymentConnector),
        ObservabilityModule.register({ kafka: KafkaConnection, postgres: Database }),
      ],
      { port: paymentConnector.PAYMENT_CALLBACK_PORT },
    ],
    ['hub', [kafka, HubModule.register(hub)], { port: hub.HUB_HTTP_PORT, ...hubHttp }],
    [
      'dashboard',
      [kafka, database, DashboardModule.register(dashboard)],
      { port: dashboard.DASHBOARD_HTTP_PORT },
    ],
    [
      'console',
      // The portal connector's settings are here anyway: traces look the portal up live, and re-sync a dossier.
      [
        kafka,
        database,
        ConsoleModule.register(consoleConfig, portalConnector, paymentConnector, portalConnector),
      ],
      { port: consoleConfig.CONSOLE_PORT, host: consoleConfig.CONSOLE_HOST, ...consoleHttp },
    ],
    ['simulator', [kafka, SimulatorModule.register(readConfig(simulatorConfigSpec))], undefined],
  ];
  const apps: RunningApp[] = [];
  runUntilSignal(apps);
  for (const [name, modules, http] of parts) apps.push(await startApp(name, modules, http));
});
