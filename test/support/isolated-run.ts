import { randomBytes } from 'node:crypto';
import { startApp, type HttpOptions, type RunningApp } from '@lienthong/bootstrap';
import { Topics } from '@lienthong/kafka';
import type { DynamicModule } from '@nestjs/common';
import { Client } from 'pg';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * What keeps one test file's run apart from every other on the shared broker and database: its own
 * topic prefix (and so consumer groups) and PostgreSQL schema, the apps it started on free ports, and
 * a `close()` that stops them in reverse order and drops the schema.
 */
export class IsolatedRun {
  readonly id = randomBytes(4).toString('hex');
  readonly prefix = `t${this.id}.`;
  readonly topics = new Topics(this.prefix);
  readonly schema = `t_${this.id}`;
  protected readonly apps: RunningApp[] = [];

  /** The environment an app of this run starts with: the isolating settings, then the overrides. */
  env(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      KAFKA_TOPIC_PREFIX: this.prefix,
      KAFKA_PARTITIONS: '3',
      DATABASE_SCHEMA: this.schema,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...overrides,
    };
  }

  /** Starts an app of these modules on a free port; `close()` stops it. */
  protected async launch(
    name: string,
    modules: DynamicModule | DynamicModule[],
    http: Omit<HttpOptions, 'port'> = {},
  ): Promise<RunningApp> {
    const running = await startApp(name, modules, { port: 0, ...http });
    this.apps.push(running);
    return running;
  }

  /** Runs `use` on a fresh connection to the test database, closed afterwards. */
  async withDatabase<T>(use: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    try {
      return await use(client);
    } finally {
      await client.end();
    }
  }

  /** Makes every insert into this run's audit log fail, as a full disk or a lost grant would, while `use` runs. */
  async withAuditLogFailing<T>(use: () => Promise<T>): Promise<T> {
    await this.withDatabase((client) =>
      client.query(`
        CREATE FUNCTION ${this.schema}.audit_log_unwritable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_log cannot be written'; END; $$;
        CREATE TRIGGER audit_log_unwritable BEFORE INSERT ON ${this.schema}.audit_log
          FOR EACH ROW EXECUTE FUNCTION ${this.schema}.audit_log_unwritable();`),
    );
    try {
      return await use();
    } finally {
      await this.withDatabase((client) =>
        client.query(`DROP FUNCTION ${this.schema}.audit_log_unwritable() CASCADE`),
      );
    }
  }

  async close(): Promise<void> {
    for (const { app } of this.apps.reverse()) await app.close();
    await this.withDatabase((client) => client.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`));
  }
}
