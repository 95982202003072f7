import { PeriodicTask } from '@lienthong/bootstrap';
import { createLogger } from '@lienthong/observability';
import type { Database } from './database';

const logger = createLogger('retention');

/** Rows of one table older than `days` by `column` are deleted; 0 keeps them forever. */
export interface RetentionRule {
  table: string;
  column: string;
  days: number;
  /** A boolean column: rows where it is true are kept however old (e.g. held by an operator). */
  keep?: string;
}

/** Deleted in chunks so a large backlog never holds a long lock on a busy table. */
const CHUNK = 10_000;
const HOUR_MS = 3_600_000;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Keeps state bounded: every hour (and at start) deletes rows older than each rule's window, a chunk at
 * a time. What a window forgets is caught further on (e.g. a duplicate older than the hub's window by
 * the connector's ledger), so each window says how long the protection it gives must last.
 */
export class Retention {
  private readonly task: PeriodicTask;

  constructor(
    private readonly database: Database,
    private readonly rules: RetentionRule[],
    intervalMs = HOUR_MS,
  ) {
    for (const { table, column, keep } of rules) {
      if (![table, column, ...(keep ? [keep] : [])].every((name) => IDENTIFIER.test(name)))
        throw new Error(`bad retention rule ${table}.${column}`);
    }
    this.task = new PeriodicTask({
      name: 'retention',
      everyMs: intervalMs,
      runAtStart: true,
      run: async () => {
        const deleted = await this.prune();
        if (Object.values(deleted).some((count) => count > 0)) logger.info({ deleted }, 'pruned old state');
      },
    });
  }

  async start(): Promise<void> {
    if (this.rules.every((rule) => rule.days <= 0)) return;
    await this.task.start();
  }

  async stop(): Promise<void> {
    await this.task.stop();
  }

  /** One pass over every rule; answers the rows deleted per table. */
  async prune(): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const { table, column, days, keep } of this.rules.filter((rule) => rule.days > 0)) {
      const kept = keep ? ` AND NOT ${keep}` : '';
      deleted[table] = 0;
      for (;;) {
        const rows = await this.database.query<{ n: string }>(
          `WITH old AS (
             SELECT ctid FROM ${table} WHERE ${column} < now() - make_interval(days => $1)${kept} LIMIT ${CHUNK}
           )
           , gone AS (DELETE FROM ${table} WHERE ctid IN (SELECT ctid FROM old) RETURNING 1)
           SELECT count(*) AS n FROM gone`,
          [days],
        );
        const count = Number(rows[0].n);
        deleted[table] += count;
        if (count < CHUNK) break;
      }
    }
    return deleted;
  }
}
