import { ManagedServices } from '@lienthong/bootstrap';
import { Database, Retention } from '@lienthong/database';
import { KafkaConnection, Topics, TransactionalKafkaTransport } from '@lienthong/kafka';
import { ObservabilityModule } from '@lienthong/observability';
import { ApplicantSeal, Pseudonymizer } from '@lienthong/personal-data';
import { compileRouter, loadRoutingRules, routedConnectors } from '@lienthong/routing';
import { SOURCE_MAPPERS } from '@lienthong/sources';
import { Module, type DynamicModule } from '@nestjs/common';
import { DossierMemory } from './dossier-memory';
import { HubTopics } from './hub';
import { HUB_CONFIG, type HubConfig } from './hub.config';
import { HubController, SOURCE_BATCH_PATTERN } from './hub.controller';
import { HubPipeline } from './hub-pipeline';
import { DossierPrivacy } from './dossier-privacy';

type RoutingRules = ReturnType<typeof loadRoutingRules>;
const ROUTING_RULES = Symbol('ROUTING_RULES');

/**
 * The hub as a Nest module; Kafka and the database come from `KafkaModule` and `DatabaseModule`. Start
 * it with `hubHttp`: its consumer is a NestJS transport, started beside HTTP.
 */
@Module({})
export class HubModule {
  static register(config: HubConfig): DynamicModule {
    return {
      module: HubModule,
      imports: [ObservabilityModule.register({ kafka: KafkaConnection, postgres: Database })],
      controllers: [HubController],
      providers: [
        // A plain copy: Nest probes provider values for lifecycle hooks, which the strict config object refuses.
        { provide: HUB_CONFIG, useValue: { ...config } },
        {
          provide: ROUTING_RULES,
          useFactory: (c: HubConfig) => loadRoutingRules(c.ROUTES_FILE),
          inject: [HUB_CONFIG],
        },
        {
          provide: DossierPrivacy,
          useFactory: (c: HubConfig) =>
            new DossierPrivacy(new Pseudonymizer(c.POPULATION_AUDIT_KEY), ApplicantSeal.sealing(c)),
          inject: [HUB_CONFIG],
        },
        {
          provide: HubPipeline,
          useFactory: (topics: Topics, rules: RoutingRules, database: Database, privacy: DossierPrivacy) =>
            new HubPipeline(
              topics,
              SOURCE_MAPPERS,
              compileRouter(rules),
              new DossierMemory(database),
              privacy,
            ),
          inject: [Topics, ROUTING_RULES, Database, DossierPrivacy],
        },
        {
          provide: TransactionalKafkaTransport,
          useFactory: (c: HubConfig, kafka: KafkaConnection, topics: Topics, pipeline: HubPipeline) => {
            const groupId = topics.group(c.HUB_GROUP_ID);
            return new TransactionalKafkaTransport(kafka, {
              groupId,
              transactionalId: `${groupId}.${c.HUB_INSTANCE_ID}`,
              topics: pipeline.sourceTopics,
              concurrency: c.HUB_CONCURRENCY,
              pattern: SOURCE_BATCH_PATTERN,
            });
          },
          inject: [HUB_CONFIG, KafkaConnection, Topics, HubPipeline],
        },
        {
          provide: ManagedServices,
          useFactory: (
            c: HubConfig,
            kafka: KafkaConnection,
            topics: Topics,
            database: Database,
            rules: RoutingRules,
          ) =>
            new ManagedServices([
              new HubTopics(kafka, topics, SOURCE_MAPPERS, routedConnectors(rules)),
              new Retention(database, [
                { table: 'hub_applied_events', column: 'applied_at', days: c.HUB_STATE_RETENTION_DAYS },
              ]),
            ]),
          inject: [HUB_CONFIG, KafkaConnection, Topics, Database, ROUTING_RULES],
        },
      ],
    };
  }
}

/** How the hub is served (give it to `startApp`): its Kafka consumer runs as a transport beside HTTP. */
export const hubHttp = { transport: TransactionalKafkaTransport };
