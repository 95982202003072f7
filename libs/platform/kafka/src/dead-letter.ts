import { Counter, metricsRegistry } from '@lienthong/observability';
import { DeadLetterHeader } from './header-names';
import type { IncomingRecord, OutgoingRecord } from './records';

const deadLetters = new Counter({
  name: 'lienthong_dead_letters_total',
  help: 'Messages written to a dead-letter topic, by stage (hub or connector) and reason code',
  labelNames: ['stage', 'reason'],
  registers: [metricsRegistry],
});

export interface DeadLetterCause {
  reason: string;
  message: string;
  path?: string;
}

/** The original bytes and key, unchanged, with the cause and the source position in headers. */
export function deadLetter(
  topic: string,
  stage: string,
  record: IncomingRecord,
  cause: DeadLetterCause,
): OutgoingRecord {
  const headers: Record<string, string> = {
    ...record.headers,
    [DeadLetterHeader.Reason]: cause.reason,
    [DeadLetterHeader.Message]: cause.message,
    [DeadLetterHeader.Stage]: stage,
    [DeadLetterHeader.SourceTopic]: record.topic,
    [DeadLetterHeader.SourcePartition]: String(record.partition),
    [DeadLetterHeader.SourceOffset]: record.offset,
    [DeadLetterHeader.FailedAt]: new Date().toISOString(),
  };
  if (cause.path) headers[DeadLetterHeader.Path] = cause.path;
  deadLetters.inc({ stage, reason: cause.reason });
  return { topic, key: record.key?.toString() ?? null, value: record.value ?? Buffer.alloc(0), headers };
}
