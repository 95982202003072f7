export { kafkaConfigSpec, type KafkaConfig } from './kafka.config';
export { Topics, type TopicSpec } from './topics';
export { KafkaConnection } from './kafka-connection';
export { cloudEventHeaders, headersToRecord, newTraceparent, type CloudEventAttributes } from './headers';
export { TransactionalProcessor, type BatchOutput, type BatchTransform } from './transactional-processor';
export type { IncomingRecord, OutgoingRecord } from './records';
export { deadLetter, DeadLetterHeader, type DeadLetterCause } from './dead-letter';
export { AtLeastOnceConsumer, type AtLeastOnceConsumerOptions } from './at-least-once-consumer';
export { TransactionalKafkaTransport, type TransactionalTransportOptions } from './transactional-transport';
