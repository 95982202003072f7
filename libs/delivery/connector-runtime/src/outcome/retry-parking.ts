import {
  deadLetter,
  RetryHeader,
  type IncomingRecord,
  type OutgoingRecord,
  type Topics,
} from '@lienthong/kafka';
import { TargetAccessError, WaitingForNewerError, type RetriableError } from '../errors';

export function retryLevel(record: IncomingRecord): number {
  return Number(record.headers[RetryHeader.Level] ?? 0);
}

export function retryDueAt(record: IncomingRecord): number {
  return Number(record.headers[RetryHeader.DueAt] ?? 0);
}

/**
 * Where an event goes after its attempts failed retriably: the next retry topic, due after that
 * level's delay, or, after the last level, the connector's dead-letter topic. An event held up because
 * the target refuses our access stays on the last level: the dossier is not at fault. An event waiting
 * for a newer one of its dossier stays on its level (at least the first) for up to `holdMaxMs`: it did
 * not fail, and must not use up its levels while the newer one is retried.
 */
export function park(
  record: IncomingRecord,
  connector: string,
  topics: Topics,
  delaysS: number[],
  cause: RetriableError,
  holdMaxMs: number,
): OutgoingRecord {
  if (cause instanceof WaitingForNewerError) {
    const heldSince = Number(record.headers[RetryHeader.HeldSince] ?? Date.now());
    if (Date.now() - heldSince > holdMaxMs) {
      return deadLetter(topics.deadLetter(connector), connector, record, {
        reason: `HELD_TOO_LONG_${cause.code}`,
        message: `held ${Math.round((Date.now() - heldSince) / 3_600_000)} h: ${cause.message}`,
      });
    }
    return onRetryTopic(record, connector, topics, delaysS, cause, Math.max(1, retryLevel(record)), {
      [RetryHeader.HeldSince]: String(heldSince),
    });
  }
  const held = cause instanceof TargetAccessError;
  const level = Math.min(retryLevel(record) + 1, held ? delaysS.length : Infinity);
  if (level > delaysS.length) {
    return deadLetter(topics.deadLetter(connector), connector, record, {
      reason: `RETRIES_EXHAUSTED_${cause.code}`,
      message: `still failing after ${delaysS.length} retry topics: ${cause.message}`,
    });
  }
  return onRetryTopic(record, connector, topics, delaysS, cause, level);
}

function onRetryTopic(
  record: IncomingRecord,
  connector: string,
  topics: Topics,
  delaysS: number[],
  cause: RetriableError,
  level: number,
  extraHeaders: Record<string, string> = {},
): OutgoingRecord {
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
      ...extraHeaders,
    },
  };
}
