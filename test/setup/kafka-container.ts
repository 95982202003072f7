import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';

const KAFKA_IMAGE = 'apache/kafka:3.9.1';
const HOST_PORT = 19092;

declare global {
  var lienthongKafkaContainer: StartedTestContainer | undefined;
}

/** A single-node KRaft broker in Docker, for machines that have a Docker engine. */
export async function startKafkaContainer(): Promise<string> {
  const container = await new GenericContainer(KAFKA_IMAGE)
    .withExposedPorts({ container: HOST_PORT, host: HOST_PORT })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://0.0.0.0:${HOST_PORT},CONTROLLER://0.0.0.0:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${HOST_PORT}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  globalThis.lienthongKafkaContainer = container;
  return `127.0.0.1:${HOST_PORT}`;
}
