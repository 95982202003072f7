import { ManagedServices, type ManagedService } from '@lienthong/bootstrap';
import type { ConfigOf, ConfigSpecs } from '@lienthong/config';
import { Database, Retention, type RetentionRule } from '@lienthong/database';
import { KafkaConnection, Topics } from '@lienthong/kafka';
import { ObservabilityModule } from '@lienthong/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import type { DossierEvent } from '@lienthong/schemas';
import type { Amendments } from './amendments';
import type { Connector } from './connector';
import { ConnectorRuntime } from './connector-runtime';
import { connectorRuntimeConfigSpec } from './connector-runtime.config';

/** What every connector app reads beside its own settings; Kafka and the database come from their modules. */
export const connectorBaseConfigSpec = { ...connectorRuntimeConfigSpec };

export type ConnectorAppConfig<Spec extends ConfigSpecs> = ConfigOf<typeof connectorBaseConfigSpec> &
  ConfigOf<Spec>;

/** Injection token of a connector app's settings (the runtime's and the connector's own), read once by the app. */
export const CONNECTOR_CONFIG = Symbol('CONNECTOR_CONFIG');
const BUILT_CONNECTOR = Symbol('BUILT_CONNECTOR');

/**
 * What the runtime needs from one connector: its own settings and how to build it from them. `Item` is
 * what its intake reads (dossier events, `routedDossierEvents`, unless it says otherwise).
 */
export interface ConnectorDefinition<Spec extends ConfigSpecs, Item = DossierEvent> {
  configSpec: Spec;
  create(
    config: ConnectorAppConfig<Spec>,
    shared: { kafka: KafkaConnection; database: Database; topics: Topics },
  ): BuiltConnector<Item>;
}

/** One connector and what lives beside it. */
export interface BuiltConnector<Item = DossierEvent> {
  connector: Connector<Item>;
  /**
   * Started after the runtime, stopped before it (schedulers, feedback pollers); changes they make to
   * dossiers at the target go through the runtime's amendments.
   */
  services?: (amendments: Amendments) => ManagedService[];
  /** The connector's own tables, pruned with the ledger. */
  retention?: RetentionRule[];
}

/** The ledger's rows, and each dossier's last attempt, as long as the ledger keeps its events. */
export function ledgerRetention(config: ConfigOf<typeof connectorRuntimeConfigSpec>): RetentionRule[] {
  const days = config.CONNECTOR_LEDGER_RETENTION_DAYS;
  return [
    { table: 'delivery_ledger', column: 'delivered_at', days },
    { table: 'target_attempts', column: 'attempted_at', days },
  ];
}

/**
 * Any connector as a Nest module, /health and /metrics served; Kafka and the database come from
 * `KafkaModule` and `DatabaseModule`.
 */
@Module({})
export class ConnectorModule {
  static register<Spec extends ConfigSpecs, Item = DossierEvent>(
    definition: ConnectorDefinition<Spec, Item>,
    config: ConnectorAppConfig<Spec>,
  ): DynamicModule {
    type Config = ConnectorAppConfig<Spec>;
    return {
      module: ConnectorModule,
      imports: [ObservabilityModule.register({ kafka: KafkaConnection, postgres: Database })],
      providers: [
        // A plain copy: Nest probes provider values for lifecycle hooks, which the strict config object refuses.
        { provide: CONNECTOR_CONFIG, useValue: { ...config } },
        {
          provide: BUILT_CONNECTOR,
          useFactory: (c: Config, kafka: KafkaConnection, topics: Topics, database: Database) =>
            definition.create(c, { kafka, database, topics }),
          inject: [CONNECTOR_CONFIG, KafkaConnection, Topics, Database],
        },
        {
          provide: ConnectorRuntime,
          useFactory: (
            built: BuiltConnector<Item>,
            kafka: KafkaConnection,
            topics: Topics,
            database: Database,
            c: Config,
          ) => new ConnectorRuntime(built.connector, kafka, topics, database, c),
          inject: [BUILT_CONNECTOR, KafkaConnection, Topics, Database, CONNECTOR_CONFIG],
        },
        {
          provide: ManagedServices,
          useFactory: (
            runtime: ConnectorRuntime<Item>,
            built: BuiltConnector<Item>,
            database: Database,
            c: Config,
          ) =>
            new ManagedServices([
              runtime,
              new Retention(database, [...ledgerRetention(c), ...(built.retention ?? [])]),
              ...(built.services?.(runtime.amendments) ?? []),
            ]),
          inject: [ConnectorRuntime, BUILT_CONNECTOR, Database, CONNECTOR_CONFIG],
        },
      ],
    };
  }
}
