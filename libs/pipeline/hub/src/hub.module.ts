import { ManagedServices } from '@lienthong/bootstrap';
import { KafkaConnection, Topics, TransactionalKafkaTransport } from '@lienthong/kafka';
import { ObservabilityModule } from '@lienthong/observability';
import { ApplicantSeal, Pseudonymizer } from '@lienthong/personal-data';
import { compileRouter, loadRoutingRules, routedConnectors } from '@lienthong/routing';
import { SOURCE_MAPPERS } from '@lienthong/sources';
import { Module, type DynamicModule } from '@nestjs/common';
import { HubTopics } from './hub';
import { HUB_CONFIG, type HubConfig } from './hub.config';
import { HubController, SOURCE_BATCH_PATTERN } from './hub.controller';
import { HubPipeline } from './hub-pipeline';
import { HubStateSync } from './hub-state-sync';
import { DossierPrivacy } from './dossier-privacy';

type RoutingRules = ReturnType<typeof loadRoutingRules>;
const ROUTING_RULES = Symbol('ROUTING_RULES');

/**
 * The hub as a Nest module; Kafka comes from `KafkaModule` (the hub needs no database: its state is
 * held in memory and kept on Kafka). Start it with `hubHttp`: its consumer is a NestJS transport,
 * started beside HTTP.
 */
@Module({})
export class HubModule {
  static register(config: HubConfig): DynamicModule {
    return {
      module: HubModule,
      imports: [ObservabilityModule.register({ kafka: KafkaConnection })],
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
          provide: HubStateSync,
          useFactory: (c: HubConfig, kafka: KafkaConnection, topics: Topics) =>
            new HubStateSync(kafka, topics, {
              instanceId: c.HUB_INSTANCE_ID,
              retentionDays: c.HUB_STATE_RETENTION_DAYS,
            }),
          inject: [HUB_CONFIG, KafkaConnection, Topics],
        },
        {
          provide: HubPipeline,
          useFactory: (topics: Topics, rules: RoutingRules, state: HubStateSync, privacy: DossierPrivacy) =>
            new HubPipeline(topics, SOURCE_MAPPERS, compileRouter(rules), state, privacy),
          inject: [Topics, ROUTING_RULES, HubStateSync, DossierPrivacy],
        },
        {
          provide: TransactionalKafkaTransport,
          useFactory: (
            c: HubConfig,
            kafka: KafkaConnection,
            topics: Topics,
            pipeline: HubPipeline,
            state: HubStateSync,
          ) => {
            const groupId = topics.group(c.HUB_GROUP_ID);
            return new TransactionalKafkaTransport(kafka, {
              groupId,
              transactionalId: `${groupId}.${c.HUB_INSTANCE_ID}`,
              topics: pipeline.sourceTopics,
              concurrency: c.HUB_CONCURRENCY,
              transactionTimeoutMs: c.HUB_TRANSACTION_TIMEOUT_MS,
              pattern: SOURCE_BATCH_PATTERN,
              onGroupJoin: () => state.onGroupJoin(),
            });
          },
          inject: [HUB_CONFIG, KafkaConnection, Topics, HubPipeline, HubStateSync],
        },
        {
          provide: ManagedServices,
          // The topics first: the state's changelog is one of them.
          useFactory: (kafka: KafkaConnection, topics: Topics, rules: RoutingRules, state: HubStateSync) =>
            new ManagedServices([
              new HubTopics(kafka, topics, SOURCE_MAPPERS, routedConnectors(rules)),
              state,
            ]),
          inject: [KafkaConnection, Topics, ROUTING_RULES, HubStateSync],
        },
      ],
    };
  }
}

/** How the hub is served (give it to `startApp`): its Kafka consumer runs as a transport beside HTTP. */
export const hubHttp = { transport: TransactionalKafkaTransport };
