import { SharedResource } from '@lienthong/bootstrap';
import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { KafkaConnection } from './kafka-connection';
import type { KafkaConfig } from './kafka.config';
import { Topics } from './topics';

const KAFKA_LIFETIME = Symbol('KAFKA_LIFETIME');

/**
 * Kafka for an app: one `KafkaConnection` and the `Topics` names, injected by class. Import the same
 * `forRoot(...)` result into several apps of one process and they share the one connection.
 *
 * Global modules run their init hooks before, and their shutdown hooks after, every other module's
 * (@nestjs/core sets their distance to the maximum), so the connection outlives the services using it.
 */
@Global()
@Module({})
export class KafkaModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly connection: KafkaConnection,
    @Inject(KAFKA_LIFETIME) private readonly lifetime: SharedResource<KafkaConnection>,
  ) {}

  static forRoot(config: KafkaConfig): DynamicModule {
    const lifetime = new SharedResource({
      open: () => new KafkaConnection(config),
      close: (connection: KafkaConnection) => connection.close(),
    });
    return {
      module: KafkaModule,
      global: true,
      providers: [
        { provide: KAFKA_LIFETIME, useValue: lifetime },
        { provide: KafkaConnection, useFactory: () => lifetime.get() },
        { provide: Topics, useFactory: () => new Topics(config.KAFKA_TOPIC_PREFIX) },
      ],
      exports: [KafkaConnection, Topics],
    };
  }

  onModuleInit(): Promise<void> {
    return this.lifetime.acquire(this.connection);
  }

  onApplicationShutdown(): Promise<void> {
    return this.lifetime.release(this.connection);
  }
}
