import type { IncomingRecord } from '@lienthong/kafka';
import { Counter, createLogger, metricsRegistry } from '@lienthong/observability';

const logger = createLogger('console');

const skipped = new Counter({
  name: 'lienthong_console_index_skipped_total',
  help: 'Messages the console could not keep in its trail (dossier_trail) or dead-letter index (dead_letters), or could not read at all (unreadable); each is logged with its topic, partition and offset',
  labelNames: ['table'],
  registers: [metricsRegistry],
});

/** The log names the message's place and the error's code only: the message may hold personal data. */
export function skipMessage(
  record: IncomingRecord,
  table: 'dossier_trail' | 'dead_letters' | 'unreadable',
  error: unknown,
): void {
  skipped.inc({ table });
  const { code, name } = error as { code?: unknown; name?: unknown };
  logger.warn(
    { topic: record.topic, partition: record.partition, offset: record.offset, table, code: code ?? name },
    'cannot index this message; skipped',
  );
}
