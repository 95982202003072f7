import { SharedResource, SharedResourceModule } from '@lienthong/bootstrap';
import { Global, Inject, Module, type DynamicModule } from '@nestjs/common';
import { KafkaConnection } from './kafka-connection';
import type { KafkaConfig } from './kafka.config';
import { Topics } from './topics';

const KAFKA_LIFETIME = Symbol('KAFKA_LIFETIME');

/**
 * Kafka for an app: one `KafkaConnection` and the `Topics` names, injected by class. Import the same
 * `forRoot(...)` result into several apps of one process and they share the one connection.
 * The connection outlives the services using it.
 */
@Global()
@Module({})
export class KafkaModule extends SharedResourceModule<KafkaConnection> {
  constructor(
    connection: KafkaConnection,
    @Inject(KAFKA_LIFETIME) lifetime: SharedResource<KafkaConnection>,
  ) {
    super(connection, lifetime);
  }

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
}
