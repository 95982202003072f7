import { deadLetter, type IncomingRecord, type OutgoingRecord, type Topics } from '@lienthong/kafka';
import { TargetAccessError, type RetriableError } from './errors';

/** Headers of an event parked on a retry topic. */
export const RetryHeader = {
  Level: 'lienthong-retry-level',
  DueAt: 'lienthong-retry-due-at',
  Reason: 'lienthong-retry-reason',
  Message: 'lienthong-retry-message',
} as const;

export function retryLevel(record: IncomingRecord): number {
  return Number(record.headers[RetryHeader.Level] ?? 0);
}

export function retryDueAt(record: IncomingRecord): number {
  return Number(record.headers[RetryHeader.DueAt] ?? 0);
}

/**
 * Where an event goes after its attempts failed retriably: the next retry topic, due after that
 * level's delay, or, after the last level, the connector's dead-letter topic. An event held up because
 * the target refuses our access stays on the last level: the dossier is not at fault.
 */
export function park(
  record: IncomingRecord,
  connector: string,
  topics: Topics,
  delaysS: number[],
  cause: RetriableError,
): OutgoingRecord {
  const held = cause instanceof TargetAccessError;
  const level = Math.min(retryLevel(record) + 1, held ? delaysS.length : Infinity);
  if (level > delaysS.length) {
    return deadLetter(topics.deadLetter(connector), connector, record, {
      reason: `RETRIES_EXHAUSTED_${cause.code}`,
      message: `still failing after ${delaysS.length} retry topics: ${cause.message}`,
    });
  }
  return {
    topic: topics.retry(connector, level),
    key: record.key?.toString() ?? null,
    value: record.value ?? Buffer.alloc(0),
    headers: {
      ...record.headers,
      [RetryHeader.Level]: String(level),
      [RetryHeader.DueAt]: String(Date.now() + delaysS[level - 1] * 1000),
      [RetryHeader.Reason]: cause.code,
      [RetryHeader.Message]: cause.message,
    },
  };
}
