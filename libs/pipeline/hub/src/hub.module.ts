import { ManagedServices, TRANSPORT_STRATEGY } from '@lienthong/bootstrap';
import { readConfig } from '@lienthong/config';
import { Database, databaseConfigSpec, Retention } from '@lienthong/database';
import { KafkaConnection, kafkaConfigSpec, Topics, TransactionalKafkaTransport } from '@lienthong/kafka';
import { createLogger, ObservabilityModule } from '@lienthong/observability';
import { Pseudonymizer, pseudonymKeySpec } from '@lienthong/personal-data';
import { compileRouter, loadRoutingRules, routedConnectors } from '@lienthong/routing';
import { SOURCE_MAPPERS } from '@lienthong/sources';
import { Module, type DynamicModule } from '@nestjs/common';
import { DossierMemory } from './dossier-memory';
import { HubTopics } from './hub';
import { hubConfigSpec } from './hub.config';
import { HubController, SOURCE_BATCH_PATTERN } from './hub.controller';
import { HubPipeline } from './hub-pipeline';
import { RoutePrivacy } from './route-privacy';

const logger = createLogger('hub');

export const hubModuleConfigSpec = { ...kafkaConfigSpec, ...databaseConfigSpec, ...hubConfigSpec };

/** The hub as a Nest module: configuration read and validated here, at start-up. */
@Module({})
export class HubModule {
  static register(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = readConfig({ ...hubModuleConfigSpec, ...pseudonymKeySpec }, env);
    const kafka = new KafkaConnection(config);
    const database = new Database(config);
    const topics = new Topics(config.KAFKA_TOPIC_PREFIX);
    const rules = loadRoutingRules(config.ROUTES_FILE);
    const connectors = routedConnectors(rules);
    const privacy = RoutePrivacy.parse(
      config.HUB_ROUTE_PRIVACY,
      new Pseudonymizer(config.POPULATION_AUDIT_KEY),
    );
    for (const connector of privacy.named().filter((name) => !connectors.includes(name))) {
      logger.warn({ connector }, 'HUB_ROUTE_PRIVACY names a connector no routing rule sends to: a typo?');
    }
    const pipeline = new HubPipeline(
      topics,
      SOURCE_MAPPERS,
      compileRouter(rules),
      new DossierMemory(database),
      privacy,
    );
    const groupId = topics.group(config.HUB_GROUP_ID);
    const transport = new TransactionalKafkaTransport(kafka, {
      groupId,
      transactionalId: `${groupId}.${config.HUB_INSTANCE_ID}`,
      topics: pipeline.sourceTopics,
      concurrency: config.HUB_CONCURRENCY,
      pattern: SOURCE_BATCH_PATTERN,
    });
    const services = new ManagedServices([
      { start: () => database.prepare(), stop: () => database.close() },
      { stop: () => kafka.close() },
      new HubTopics(kafka, topics, SOURCE_MAPPERS, connectors),
      new Retention(database, [
        { table: 'hub_applied_events', column: 'applied_at', days: config.HUB_STATE_RETENTION_DAYS },
      ]),
    ]);
    return {
      module: HubModule,
      imports: [
        ObservabilityModule.register([
          { name: 'kafka', check: () => kafka.ping() },
          { name: 'postgres', check: () => database.ping() },
        ]),
      ],
      controllers: [HubController],
      providers: [
        { provide: HubPipeline, useValue: pipeline },
        { provide: TRANSPORT_STRATEGY, useValue: transport },
        { provide: ManagedServices, useValue: services },
      ],
    };
  }
}
