import type { KafkaMessage } from 'kafkajs';
import { headersToRecord } from './headers';

/** A message as read from Kafka, independent of the client library. */
export interface IncomingRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
  timestamp: string;
}

/** A message to write to Kafka. */
export interface OutgoingRecord {
  topic: string;
  /** Bytes where a record must go on exactly as it was read (a replayed dead letter). */
  key: Buffer | string | null;
  value: Buffer | string;
  headers: Record<string, string>;
}

export function toIncomingRecord(topic: string, partition: number, message: KafkaMessage): IncomingRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers: headersToRecord(message.headers),
    timestamp: message.timestamp,
  };
}
