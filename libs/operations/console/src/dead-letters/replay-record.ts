import { DeadLetterHeader, ReplayHeader, RetryHeader, type OutgoingRecord } from '@lienthong/kafka';
import type { ClaimedLetter } from './replay-claims';

export interface FailureHistoryItem {
  stage: string;
  reason: string;
  message: string;
  failedAt: string;
  deadLetter: string;
  replayId: string;
}

/**
 * Headers that belong to one failure or one retry: a replay starts without them (retry state reset).
 * That includes when the event was first held waiting for a newer one: a replay kept with it would be
 * held too long at once and dead-lettered again.
 */
const FAILURE_STATE: ReadonlySet<string> = new Set([
  ...Object.values(DeadLetterHeader),
  ...Object.values(RetryHeader),
]);

/**
 * A dead letter as it goes back: the original bytes and key to the topic it failed on the way from (its
 * `replayTarget`), without the failure and retry headers, with the replay named and the failure added
 * to its history, so if it fails again its next dead letter tells the whole story.
 */
export function replayRecord(
  letter: ClaimedLetter,
  topic: string,
  replayId: string,
  by: string,
): OutgoingRecord {
  const headers = Object.fromEntries(
    Object.entries(letter.headers).filter(([name]) => !FAILURE_STATE.has(name)),
  );
  const history = [
    ...parseHistory(letter.headers[ReplayHeader.History]),
    {
      stage: letter.stage,
      reason: letter.reason,
      message: letter.message,
      failedAt: letter.failedAt,
      deadLetter: `${letter.topic}/${letter.partition}/${letter.offset}`,
      replayId,
    } satisfies FailureHistoryItem,
  ];
  return {
    topic,
    key: letter.key,
    value: letter.value,
    headers: {
      ...headers,
      [ReplayHeader.Id]: replayId,
      [ReplayHeader.Of]: `${letter.topic}/${letter.partition}/${letter.offset}`,
      [ReplayHeader.By]: by,
      [ReplayHeader.History]: JSON.stringify(history),
    },
  };
}

export function parseHistory(value: string | undefined): FailureHistoryItem[] {
  try {
    const parsed: unknown = JSON.parse(value ?? '[]');
    return Array.isArray(parsed) ? (parsed as FailureHistoryItem[]) : [];
  } catch {
    return [];
  }
}
