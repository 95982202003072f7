import { ConstantBackoff, handleWhen, retry } from 'cockatiel';
import { projectPath } from '@lienthong/config';
import { createLogger } from '@lienthong/observability';
import { runner } from 'node-pg-migrate';
import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import { AdvisoryLocks } from './advisory-locks';
import type { DatabaseConfig } from './database.config';

const logger = createLogger('database');

const migrationLockWait = retry(
  handleWhen((error) => /another migration is already running/i.test(error.message)),
  { maxAttempts: 120, backoff: new ConstantBackoff(500) },
);

/** The PostgreSQL pool of one app, confined to its schema; versioned migrations run before first use. */
export class Database {
  readonly pool: Pool;

  constructor(private readonly config: DatabaseConfig) {
    if (!/^[a-z_][a-z0-9_]*$/.test(config.DATABASE_SCHEMA)) {
      throw new Error(
        `DATABASE_SCHEMA must be a plain lower-case identifier, got "${config.DATABASE_SCHEMA}"`,
      );
    }
    this.pool = this.dedicatedPool(10);
  }

  /**
   * A pool of its own on the same schema, for connections held across long work (advisory locks), so
   * that holding them never starves the queries of that work. Its owner ends it.
   */
  dedicatedPool(max: number): Pool {
    const pool = new Pool({
      connectionString: this.config.DATABASE_URL,
      options: `-c search_path=${this.config.DATABASE_SCHEMA}`,
      max,
    });
    pool.on('error', (error) => logger.warn({ err: error }, 'idle PostgreSQL connection failed'));
    return pool;
  }

  /** Advisory locks of this deployment (its schema), held on connections of `pool`. */
  locks(pool: Pool = this.pool, pollMs?: number): AdvisoryLocks {
    return new AdvisoryLocks(pool, this.config.DATABASE_SCHEMA, pollMs);
  }

  /** Apps sharing a schema start together: one migrates, the others wait for its lock and find nothing to do. */
  async migrate(): Promise<void> {
    const applied = await migrationLockWait.execute(() =>
      runner({
        databaseUrl: this.config.DATABASE_URL,
        dir: projectPath('migrations'),
        direction: 'up',
        migrationsTable: 'schema_migrations',
        schema: this.config.DATABASE_SCHEMA,
        createSchema: true,
        checkOrder: true,
        log: () => undefined,
      }),
    );
    if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
  }

  async query<Row extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query<Row>(sql, params)).rows;
  }

  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Readiness: the server answers. */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
