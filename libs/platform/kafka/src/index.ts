export { kafkaConfigSpec, type KafkaConfig } from './kafka.config';
export { KafkaModule } from './kafka.module';
export { Topics, type TopicSpec } from './topics';
export { KafkaConnection, type PartitionLag, type ReadRecord } from './kafka-connection';
export { cloudEventHeaders, newTraceparent, requiredCloudEventHeaders } from './headers';
export { type BatchOutput } from './transactional-processor';
export type { IncomingRecord, OutgoingRecord } from './records';
export { deadLetter } from './dead-letter';
export {
  CloudEventHeader,
  DeadLetterHeader,
  HubHeader,
  ReplayHeader,
  RetryHeader,
  StatusPackageHeader,
} from './header-names';
export { AtLeastOnceConsumer } from './at-least-once-consumer';
export { TransactionalKafkaTransport } from './transactional-transport';
export { Changelog, type ChangelogRecord, type ChangelogOptions } from './changelog';
