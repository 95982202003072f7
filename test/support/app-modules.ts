import { readConfig, type ConfigSpecs } from '@lienthong/config';
import {
  connectorBaseConfigSpec,
  ConnectorModule,
  type ConnectorAppConfig,
  type ConnectorDefinition,
} from '@lienthong/connector-runtime';
import { ConsoleModule, consoleConfigSpec, readPortalResync } from '@lienthong/console';
import { DatabaseModule, databaseConfigSpec } from '@lienthong/database';
import { HubModule, hubModuleConfigSpec } from '@lienthong/hub';
import { KafkaModule, kafkaConfigSpec } from '@lienthong/kafka';
import { DashboardModule, dashboardModuleConfigSpec } from '@lienthong/kpi';
import { portalConfigSpec } from '@lienthong/national-portal';
import type { DynamicModule } from '@nestjs/common';

/**
 * The modules of one app as its main composes them, with every setting read from `env` (a test's
 * isolated run): its own Kafka connection and pool, then the app's module.
 */
export function resources(env: NodeJS.ProcessEnv): DynamicModule[] {
  return [
    KafkaModule.forRoot(readConfig(kafkaConfigSpec, env)),
    DatabaseModule.forRoot(readConfig(databaseConfigSpec, env)),
  ];
}

/** The hub needs no database: its state is on Kafka. */
export const hubApp = (env: NodeJS.ProcessEnv): DynamicModule[] => [
  KafkaModule.forRoot(readConfig(kafkaConfigSpec, env)),
  HubModule.register(readConfig(hubModuleConfigSpec, env)),
];

export const dashboardApp = (env: NodeJS.ProcessEnv): DynamicModule[] => [
  ...resources(env),
  DashboardModule.register(readConfig(dashboardModuleConfigSpec, env)),
];

/**
 * The console with the traces' live portal lookup on: tests compare what the portal sandbox holds; with
 * CONSOLE_PORTAL_RESYNC=true, its per-dossier re-sync too.
 */
export const consoleApp = (env: NodeJS.ProcessEnv): DynamicModule[] => {
  const config = readConfig(consoleConfigSpec, env);
  return [
    ...resources(env),
    ConsoleModule.register(config, readConfig(portalConfigSpec, env), null, readPortalResync(config, env)),
  ];
};

export const connectorApp = <Spec extends ConfigSpecs>(
  definition: ConnectorDefinition<Spec>,
  env: NodeJS.ProcessEnv,
): DynamicModule[] => [
  ...resources(env),
  ConnectorModule.register(
    definition,
    readConfig({ ...connectorBaseConfigSpec, ...definition.configSpec }, env) as ConnectorAppConfig<Spec>,
  ),
];
