import { randomBytes } from 'node:crypto';
import { startApp, type RunningApp } from '@lienthong/bootstrap';
import { HubModule } from '@lienthong/hub';
import { PortalConnectorModule } from '@lienthong/national-portal';
import { PortalSandboxModule } from '@lienthong/sandboxes';
import { Topics } from '@lienthong/kafka';
import { Client } from 'pg';
import { PortalHttp } from './portal-http';

/**
 * The whole flow on real parts, isolated for one test file: its own topic prefix, consumer groups and
 * PostgreSQL schema, the portal sandbox on a free port, the connector and the hub.
 */
export class LienthongHarness {
  readonly id = randomBytes(4).toString('hex');
  readonly topics = new Topics(`t${this.id}.`);
  readonly schema = `t_${this.id}`;
  private readonly apps: RunningApp[] = [];
  portal!: PortalHttp;

  env(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      KAFKA_TOPIC_PREFIX: `t${this.id}.`,
      KAFKA_PARTITIONS: '3',
      DATABASE_SCHEMA: this.schema,
      HUB_INSTANCE_ID: this.id,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...overrides,
    };
  }

  async start(): Promise<this> {
    const sandbox = await startApp('sandbox', PortalSandboxModule.register(this.env()), { port: 0 });
    this.apps.push(sandbox);
    this.portal = new PortalHttp(sandbox.url!);
    this.apps.push(
      await startApp('connector', PortalConnectorModule.register(this.env({ PORTAL_URL: sandbox.url! })), {
        port: 0,
      }),
    );
    this.apps.push(await startApp('hub', HubModule.register(this.env()), { port: 0 }));
    return this;
  }

  url(app: string): string {
    return this.apps.find((running) => running.name === app)!.url!;
  }

  async close(): Promise<void> {
    for (const { app } of this.apps.reverse()) await app.close();
    const client = new Client({
      connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
    await client.end();
  }
}
