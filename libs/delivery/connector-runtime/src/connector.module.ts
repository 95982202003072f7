import { ManagedServices, type ManagedService } from '@lienthong/bootstrap';
import { readConfig, type ConfigOf, type ConfigSpecs } from '@lienthong/config';
import { Database, databaseConfigSpec, Retention, type RetentionRule } from '@lienthong/database';
import { KafkaConnection, kafkaConfigSpec, Topics } from '@lienthong/kafka';
import { ObservabilityModule, type HealthCheck } from '@lienthong/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import type { Amendments } from './amendments';
import type { Connector } from './connector';
import { ConnectorRuntime } from './connector-runtime';
import { connectorRuntimeConfigSpec } from './connector-runtime.config';

export const connectorBaseConfigSpec = {
  ...kafkaConfigSpec,
  ...databaseConfigSpec,
  ...connectorRuntimeConfigSpec,
};

export type ConnectorAppConfig<Spec extends ConfigSpecs> = ConfigOf<typeof connectorBaseConfigSpec> &
  ConfigOf<Spec>;

/** What the runtime needs from one connector: its own settings and how to build it from them. */
export interface ConnectorDefinition<Spec extends ConfigSpecs> {
  configSpec: Spec;
  create(
    config: ConnectorAppConfig<Spec>,
    shared: { kafka: KafkaConnection; database: Database; topics: Topics },
  ): {
    connector: Connector;
    /**
     * Started after the runtime, stopped before it (schedulers, feedback pollers); changes they make to
     * dossiers at the target go through the runtime's amendments.
     */
    services?: (amendments: Amendments) => ManagedService[];
    checks?: HealthCheck[];
    /** The connector's own tables, pruned with the ledger. */
    retention?: RetentionRule[];
  };
}

/** The ledger's rows, and each dossier's last attempt, as long as the ledger keeps its events. */
export function ledgerRetention(config: ConfigOf<typeof connectorRuntimeConfigSpec>): RetentionRule[] {
  const days = config.CONNECTOR_LEDGER_RETENTION_DAYS;
  return [
    { table: 'delivery_ledger', column: 'delivered_at', days },
    { table: 'target_attempts', column: 'attempted_at', days },
  ];
}

/** Any connector as a Nest module: configuration validated at start-up, /health and /metrics served. */
@Module({})
export class ConnectorModule {
  static register<Spec extends ConfigSpecs>(
    definition: ConnectorDefinition<Spec>,
    env: NodeJS.ProcessEnv = process.env,
  ): DynamicModule {
    const config = readConfig(
      { ...connectorBaseConfigSpec, ...definition.configSpec },
      env,
    ) as ConnectorAppConfig<Spec>;
    const kafka = new KafkaConnection(config);
    const database = new Database(config);
    const topics = new Topics(config.KAFKA_TOPIC_PREFIX);
    const built = definition.create(config, { kafka, database, topics });
    const runtime = new ConnectorRuntime(built.connector, kafka, topics, database, config);
    const services = new ManagedServices([
      { start: () => database.prepare(), stop: () => database.close() },
      { stop: () => kafka.close() },
      runtime,
      new Retention(database, [...ledgerRetention(config), ...(built.retention ?? [])]),
      ...(built.services?.(runtime.amendments) ?? []),
    ]);
    return {
      module: ConnectorModule,
      imports: [
        ObservabilityModule.register([
          { name: 'kafka', check: () => kafka.ping() },
          { name: 'postgres', check: () => database.ping() },
          ...(built.checks ?? []),
        ]),
      ],
      providers: [{ provide: ManagedServices, useValue: services }],
    };
  }
}
