import { ManagedServices } from '@lienthong/bootstrap';
import { port, readConfig } from '@lienthong/config';
import { ConnectorRuntime, connectorRuntimeConfigSpec } from '@lienthong/connector-runtime';
import { Database, databaseConfigSpec } from '@lienthong/database';
import { KafkaConnection, kafkaConfigSpec, Topics } from '@lienthong/kafka';
import { ObservabilityModule } from '@lienthong/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import { PortalClient } from './portal-client';
import { portalConfigSpec } from './portal.config';
import { PortalConnector } from './portal.connector';

export const portalConnectorConfigSpec = {
  ...kafkaConfigSpec,
  ...databaseConfigSpec,
  ...connectorRuntimeConfigSpec,
  ...portalConfigSpec,
  PORTAL_CONNECTOR_HTTP_PORT: port({
    default: 8091,
    desc: 'Port of the national-portal connector /health and /metrics',
  }),
};

/** The national-portal connector as a Nest module: configuration read and validated at start-up. */
@Module({})
export class PortalConnectorModule {
  static register(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = readConfig(portalConnectorConfigSpec, env);
    const kafka = new KafkaConnection(config);
    const database = new Database(config);
    const portal = new PortalClient(config);
    const runtime = new ConnectorRuntime(
      new PortalConnector(portal),
      kafka,
      new Topics(config.KAFKA_TOPIC_PREFIX),
      database,
      config,
    );
    const services = new ManagedServices([
      { start: () => database.migrate(), stop: () => database.close() },
      { stop: () => kafka.close() },
      runtime,
    ]);
    return {
      module: PortalConnectorModule,
      imports: [
        ObservabilityModule.register([
          { name: 'kafka', check: () => kafka.ping() },
          { name: 'postgres', check: () => database.ping() },
        ]),
      ],
      providers: [{ provide: ManagedServices, useValue: services }],
    };
  }
}
