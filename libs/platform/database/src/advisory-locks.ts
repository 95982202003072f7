import { sleep } from '@lienthong/bootstrap';
import { createLogger } from '@lienthong/observability';
import type { Pool, PoolClient } from 'pg';

const logger = createLogger('advisory-locks');

/** Takes every key or none: a partial hold could deadlock with a holder taking the same keys. */
const TAKE_ALL = `
  WITH attempt AS (
    SELECT pg_try_advisory_lock(hashtext($1), hashtext(key)) AS taken FROM unnest($2::text[]) AS key
  )
  SELECT coalesce(bool_and(taken), true) AS taken FROM attempt`;

/**
 * PostgreSQL advisory locks, shared by every process on the database: what two replicas must not do
 * at once. A lock is held by one connection for the work and released with it, so a replica that dies
 * releases its locks when its connection drops. Advisory locks belong to the whole database, so each
 * lock is scoped (by the deployment's schema): two deployments sharing a database never contend.
 */
export class AdvisoryLocks {
  constructor(
    private readonly pool: Pool,
    private readonly scope: string,
    private readonly pollMs = 100,
  ) {}

  /** Runs work holding every key of the namespace, waiting (and calling whileWaiting) until all are free. */
  async holdAll<T>(
    namespace: string,
    keys: string[],
    whileWaiting: () => Promise<void>,
    work: () => Promise<T>,
  ): Promise<T> {
    return this.holding(async (client) => {
      while (!(await this.takeAll(client, namespace, keys))) {
        await whileWaiting();
        await sleep(this.pollMs / 2 + Math.random() * this.pollMs);
      }
      return work();
    });
  }

  /** Runs work holding the key, or answers held: false at once when another holder has it. */
  async tryHold<T>(namespace: string, key: string, work: () => Promise<T>) {
    return this.holding(async (client) =>
      (await this.takeAll(client, namespace, [key]))
        ? { held: true as const, result: await work() }
        : { held: false as const },
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async takeAll(client: PoolClient, namespace: string, keys: string[]): Promise<boolean> {
    const { rows } = await client.query<{ taken: boolean }>(TAKE_ALL, [
      `${this.scope}:${namespace}`,
      [...new Set(keys)],
    ]);
    if (rows[0].taken) return true;
    await client.query('SELECT pg_advisory_unlock_all()');
    return false;
  }

  private async holding<R>(work: (client: PoolClient) => Promise<R>): Promise<R> {
    const client = await this.pool.connect();
    // The connection sits idle while the work runs; losing it then must be logged, not crash the app.
    const onLost = (error: Error) => logger.warn({ err: error }, 'connection holding locks was lost');
    client.on('error', onLost);
    try {
      return await work(client);
    } finally {
      const released = await client
        .query('SELECT pg_advisory_unlock_all()')
        .then(() => true)
        .catch(() => false);
      client.off('error', onLost);
      // A connection that could not let go is dropped: its locks go with it.
      client.release(!released);
    }
  }
}
