import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '@lienthong/config';
import axios from 'axios';
import { Client } from 'pg';
import { exited } from '../support/hub-process';
import { eventually, freePort } from '../support/wait';

jest.setTimeout(300_000);

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('npm start with no PostgreSQL at DATABASE_URL', () => {
  // Reachable by the unprivileged user the embedded server runs as when the tests run as root.
  const dir = mkdtempSync(join(tmpdir(), 'lienthong-embedded-'));
  chmodSync(dir, 0o755);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts an embedded PostgreSQL, runs the whole flow on it, and stops it on SIGTERM', async () => {
    const ports = Object.fromEntries(
      await Promise.all(
        [
          'PORTAL_SANDBOX',
          'POPULATION_SANDBOX',
          'DOCUMENTS_SANDBOX',
          'PORTAL_CONNECTOR',
          'POPULATION_CONNECTOR',
        ]
          .concat([
            'DOCUMENTS_CONNECTOR',
            'HUB',
            'NOTHING',
            'EMBEDDED',
            'PAYMENT_SANDBOX',
            'PAYMENT_CONNECTOR',
            'SCORING_SANDBOX',
          ])
          .map(async (name) => [name, await freePort()] as const),
      ),
    );
    const start = spawn('bash', [projectPath('scripts', 'start.sh')], {
      env: {
        ...process.env,
        DATABASE_URL: `postgres://postgres@127.0.0.1:${ports.NOTHING}/test`,
        LIENTHONG_EMBEDDED_POSTGRES_DIR: join(dir, 'postgres'),
        LIENTHONG_EMBEDDED_POSTGRES_PORT: String(ports.EMBEDDED),
        LIENTHONG_SKIP_BUILD: '1',
        KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
        KAFKA_TOPIC_PREFIX: `embedded${Date.now()}.`,
        KAFKA_PARTITIONS: '3',
        SIMULATOR_DOSSIERS_PER_SECOND: '5',
        PORTAL_SANDBOX_PORT: String(ports.PORTAL_SANDBOX),
        POPULATION_SANDBOX_PORT: String(ports.POPULATION_SANDBOX),
        DOCUMENTS_SANDBOX_PORT: String(ports.DOCUMENTS_SANDBOX),
        PORTAL_CONNECTOR_HTTP_PORT: String(ports.PORTAL_CONNECTOR),
        POPULATION_CONNECTOR_HTTP_PORT: String(ports.POPULATION_CONNECTOR),
        DOCUMENTS_CONNECTOR_HTTP_PORT: String(ports.DOCUMENTS_CONNECTOR),
        HUB_HTTP_PORT: String(ports.HUB),
        NATIONAL_SCORE_SANDBOX_PORT: String(ports.SCORING_SANDBOX),
        // The other all-in-one test may run beside this one: no fixed port may be shared.
        CONSOLE_PORT: '0',
        DASHBOARD_HTTP_PORT: '0',
        PORTAL_URL: `http://127.0.0.1:${ports.PORTAL_SANDBOX}`,
        POPULATION_URL: `http://127.0.0.1:${ports.POPULATION_SANDBOX}/dancuquocgia`,
        DOCUMENTS_URL: `http://127.0.0.1:${ports.DOCUMENTS_SANDBOX}`,
        PAYMENT_SANDBOX_PORT: String(ports.PAYMENT_SANDBOX),
        PAYMENT_SANDBOX_CALLBACK_URL: `http://127.0.0.1:${ports.PAYMENT_CONNECTOR}/payment/callback`,
        PAYMENT_CALLBACK_PORT: String(ports.PAYMENT_CONNECTOR),
        ...Object.fromEntries(
          ['PAYMENT_INIT_URL', 'PAYMENT_QUERY_URL', 'PAYMENT_BILL_URL'].map((name) => [
            name,
            `http://127.0.0.1:${ports.PAYMENT_SANDBOX}/api/payment`,
          ]),
        ),
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    try {
      const stats = await eventually(
        async () =>
          (
            await axios
              .get<{ dossiers: number }>(`http://127.0.0.1:${ports.PORTAL_SANDBOX}/_sandbox/stats`)
              .catch(() => ({ data: { dossiers: 0 } }))
          ).data,
        (value) => value.dossiers >= 5,
        240_000,
      );
      expect(stats.dossiers).toBeGreaterThanOrEqual(5);
      // The simulator's payment requests are paid at the platform sandbox and called back.
      const payments = await eventually(
        async () =>
          (
            await axios
              .get<{
                inits: number;
                callbacks: { sent: number };
              }>(`http://127.0.0.1:${ports.PAYMENT_SANDBOX}/_sandbox/stats`)
              .catch(() => ({ data: { inits: 0, callbacks: { sent: 0 } } }))
          ).data,
        (value) => value.callbacks.sent >= 1,
        240_000,
      );
      expect(payments.inits).toBeGreaterThanOrEqual(1);

      // The ledger of what reached the portal is in the embedded server.
      const url = readFileSync(join(dir, 'postgres', 'url'), 'utf8').trim();
      expect(url).toBe(`postgres://lienthong:lienthong@127.0.0.1:${ports.EMBEDDED}/lienthong`);
      const client = new Client({ connectionString: url });
      await client.connect();
      const [{ count }] = (
        await client.query<{ count: string }>(
          `SELECT count(*) FROM lienthong.delivery_ledger WHERE connector = 'national-portal'`,
        )
      ).rows;
      const [{ settled }] = (
        await client.query<{ settled: string }>(
          `SELECT count(*) AS settled FROM lienthong.payments WHERE state IN ('paid', 'failed')`,
        )
      ).rows;
      expect(Number(count)).toBeGreaterThan(0);
      expect(Number(settled)).toBeGreaterThan(0);

      // The dashboard polls the national scoring sandbox and stores what it publishes for the province.
      const fetched = await eventually(
        async () =>
          (
            await client.query<{ units: string }>(
              `SELECT count(DISTINCT department_id) AS units FROM lienthong.national_scores`,
            )
          ).rows[0],
        (row) => Number(row.units) > 0,
        120_000,
      );
      await client.end();
      expect(Number(fetched.units)).toBeGreaterThan(0);
    } finally {
      start.kill('SIGTERM');
      await exited(start);
    }
    expect(start.exitCode).toBe(130);
    expect(await answers(`postgres://lienthong:lienthong@127.0.0.1:${ports.EMBEDDED}/lienthong`)).toBe(false);
  });
});
