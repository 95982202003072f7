import { readdirSync } from 'node:fs';
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

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const MIGRATIONS = projectPath('migrations');
const UNDEFINED_TABLE = '42P01';

/** The PostgreSQL pool of one app, confined to its schema; versioned migrations run before first use. */
export class Database {
  readonly pool: Pool;

  constructor(private readonly config: DatabaseConfig) {
    if (!IDENTIFIER.test(config.DATABASE_SCHEMA)) {
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
    // The pool listens to its idle connections only. One checked out and lost between two queries (a
    // restart, a terminated backend) would emit an error nobody hears, which ends the process; its
    // holder learns of the loss from its next query instead.
    pool.on('connect', (client) =>
      client.on('error', (error) => logger.warn({ err: error }, 'PostgreSQL connection in use was lost')),
    );
    return pool;
  }

  /** Advisory locks of this deployment (its schema), held on connections of `pool`. */
  locks(pool: Pool = this.pool, pollMs?: number): AdvisoryLocks {
    return new AdvisoryLocks(pool, this.config.DATABASE_SCHEMA, pollMs);
  }

  /** At an app's start: migrate, or with DATABASE_MIGRATE=false make sure someone has. */
  async prepare(): Promise<void> {
    if (this.config.DATABASE_MIGRATE) await this.migrate();
    else await this.checkMigrated();
  }

  /** Apps sharing a schema start together: one migrates, the others wait for its lock and find nothing to do. */
  async migrate(): Promise<void> {
    const applied = await migrationLockWait.execute(() =>
      runner({
        databaseUrl: this.config.DATABASE_URL,
        dir: MIGRATIONS,
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

  /**
   * What the apps' role needs and no more (run as the owner, after migrating): the schema, DML on its
   * tables and sequences, but on `audit_log` only SELECT and INSERT, and `schema_migrations` read-only.
   * Granted afresh on each run, so tables added since are covered.
   */
  async grantApp(role: string): Promise<void> {
    if (!IDENTIFIER.test(role))
      throw new Error(`DATABASE_APP_ROLE must be a plain lower-case identifier, got "${role}"`);
    const schema = this.config.DATABASE_SCHEMA;
    await this.transaction(async (client) => {
      for (const statement of [
        `GRANT USAGE ON SCHEMA ${schema} TO ${role}`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`,
        `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`,
        `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${schema}.audit_log FROM ${role}`,
        `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${schema}.schema_migrations FROM ${role}`,
      ])
        await client.query(statement);
    });
    logger.info({ role, schema }, 'granted the apps role');
  }

  async query<Row extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query<Row>(sql, params)).rows;
  }

  private async checkMigrated(): Promise<void> {
    const expected = readdirSync(MIGRATIONS)
      .filter((file) => /\.(sql|js)$/.test(file))
      .map((file) => file.replace(/\.[a-z]+$/, ''));
    const applied = new Set(
      (
        await this.query<{ name: string }>('SELECT name FROM schema_migrations').catch((error: unknown) => {
          if ((error as { code?: string }).code === UNDEFINED_TABLE) return [];
          throw error;
        })
      ).map((row) => row.name),
    );
    const missing = expected.filter((name) => !applied.has(name));
    if (missing.length > 0) {
      throw new Error(
        `the database schema "${this.config.DATABASE_SCHEMA}" is behind (${missing.join(', ')} not applied) and DATABASE_MIGRATE is false: run \`lienthong migrate\` (the migrate Job) as the owner first`,
      );
    }
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
