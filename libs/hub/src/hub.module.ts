import { ManagedServices } from '@lienthong/bootstrap';
import { readConfig } from '@lienthong/config';
import { KafkaConnection, kafkaConfigSpec, Topics } from '@lienthong/kafka';
import { ObservabilityModule } from '@lienthong/observability';
import { SOURCE_MAPPERS } from '@lienthong/sources';
import { Module, type DynamicModule } from '@nestjs/common';
import { Hub } from './hub';
import { hubConfigSpec } from './hub.config';

export const hubModuleConfigSpec = { ...kafkaConfigSpec, ...hubConfigSpec };

/** The hub as a Nest module: configuration read and validated here, at start-up. */
@Module({})
export class HubModule {
  static register(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = readConfig(hubModuleConfigSpec, env);
    const kafka = new KafkaConnection(config);
    const hub = new Hub(kafka, new Topics(config.KAFKA_TOPIC_PREFIX), SOURCE_MAPPERS, config);
    return {
      module: HubModule,
      imports: [ObservabilityModule.register([{ name: 'kafka', check: () => kafka.ping() }])],
      providers: [
        { provide: Hub, useValue: hub },
        { provide: ManagedServices, useValue: new ManagedServices([{ stop: () => kafka.close() }, hub]) },
      ],
      exports: [Hub],
    };
  }
}
