import { AuditLog } from '@lienthong/audit';
import { startApp } from '@lienthong/bootstrap';
import { readConfig } from '@lienthong/config';
import { ConsoleModule, consoleConfigSpec, consoleHttp } from '@lienthong/console';
import { Database, databaseConfigSpec } from '@lienthong/database';
import axios from 'axios';
import { Client } from 'pg';
import { runCli } from '../support/cli-run';
import { resources } from '../support/app-modules';
import { IsolatedRun } from '../support/isolated-run';

jest.setTimeout(180_000);

const ADMIN_TOKEN = 'lt_e2e-anchor-admin-token-0123456789abcdefgh';
const OWNER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The CLI in this process, its output captured. */
const cli = (env: NodeJS.ProcessEnv, ...args: string[]) => runCli(env, args);

/** What PostgreSQL answers a statement: the error's SQLSTATE, or ok. */
async function attempt(client: Client, sql: string): Promise<string> {
  return client.query(sql).then(
    () => 'ok',
    (error: { code?: string; message: string }) => `${error.code}: ${error.message}`,
  );
}

/**
 * A log nobody can cut short: migrations run once as the owner, the console runs as an app role that may
 * only read and append the audit log, TRUNCATE is refused even to the owner, and rows the owner deletes
 * from the end (triggers disabled) or a truncated table make `audit verify` fail by the anchored head.
 */
describe(AuditLog.name, () => {
  const run = new IsolatedRun();
  const role = `lt_app_${run.id}`;
  const appUrl = Object.assign(new URL(OWNER_URL), { username: role, password: '' }).toString();
  let consoleUrl: string;
  let close: (() => Promise<void>) | undefined;

  const api = () =>
    axios.create({
      baseURL: `${consoleUrl}/api/v1`,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      validateStatus: () => true,
    });
  const asApp = async <T>(use: (client: Client) => Promise<T>) => {
    const client = new Client({ connectionString: appUrl, options: `-c search_path=${run.schema}` });
    await client.connect();
    try {
      return await use(client);
    } finally {
      await client.end();
    }
  };
  const verifyByApi = async () => (await api().get('/audit/verify')).data;
  const verifyOnHost = async () => {
    const { output, exitCode } = await cli(run.env(), '--json', 'audit', 'verify', '--local');
    return { exitCode, verdict: JSON.parse(output) };
  };
  const asOwnerWithout = (trigger: string, sql: string) =>
    run.withDatabase(async (client) => {
      await client.query(`ALTER TABLE ${run.schema}.audit_log DISABLE TRIGGER ${trigger}`);
      await client.query(sql);
      await client.query(`ALTER TABLE ${run.schema}.audit_log ENABLE TRIGGER ${trigger}`);
    });

  beforeAll(async () => {
    await run.withDatabase((client) => client.query(`CREATE ROLE ${role} LOGIN`));
    const migrated = await cli(run.env({ DATABASE_APP_ROLE: role }), '--json', 'migrate');
    expect(JSON.parse(migrated.output)).toEqual({ schema: run.schema, granted: role });
    const env = run.env({
      DATABASE_URL: appUrl,
      DATABASE_MIGRATE: 'false',
      CONSOLE_ADMIN_TOKEN: ADMIN_TOKEN,
    });
    const running = await startApp(
      'console',
      [...resources(env), ConsoleModule.register(readConfig(consoleConfigSpec, env), null)],
      { port: 0, ...consoleHttp },
    );
    close = () => running.app.close();
    consoleUrl = running.url!;
    for (const name of ['first', 'second', 'third', 'fourth']) {
      expect((await api().post('/tokens', { name, role: 'viewer' })).status).toBe(201);
    }
  });

  afterAll(async () => {
    await close?.();
    await run.close();
    await run.withDatabase(async (client) => {
      await client.query(`DROP OWNED BY ${role}`);
      await client.query(`DROP ROLE ${role}`);
    });
  });

  it('runs the console as an app role that may read and append the audit log but not change it', async () => {
    const outcomes = await asApp(async (client) => ({
      insert: await client
        .query('BEGIN')
        .then(() =>
          attempt(
            client,
            `INSERT INTO audit_log (id, at, actor, role, action, target, parameters, result, detail, prev_hash, hash)
             VALUES (-1, now(), 'x', 'x', 'x', 'x', '{}', 'ok', '{}', 'x', 'x')`,
          ),
        )
        .finally(() => client.query('ROLLBACK')),
      update: await attempt(client, `UPDATE audit_log SET actor = 'someone-else'`),
      delete: await attempt(client, 'DELETE FROM audit_log'),
      truncate: await attempt(client, 'TRUNCATE audit_log'),
      migrate: await attempt(client, 'CREATE TABLE sneaky (id int)'),
    }));
    expect(outcomes).toEqual({
      insert: 'ok',
      update: expect.stringMatching(/^42501: permission denied/),
      delete: expect.stringMatching(/^42501: permission denied/),
      truncate: expect.stringMatching(/^42501: permission denied/),
      migrate: expect.stringMatching(/^42501: permission denied/),
    });
  });

  it('refuses TRUNCATE of the audit log even to its owner', async () => {
    const outcome = await run.withDatabase((client) => attempt(client, `TRUNCATE ${run.schema}.audit_log`));
    expect(outcome).toMatch(/audit_log is append-only/);
  });

  it('verifies an intact log against its anchored head, from the API and on the host', async () => {
    const byApi = await verifyByApi();
    expect(byApi).toMatchObject({ ok: true, checked: 8, problems: [] });
    expect(byApi.anchor).toMatchObject(byApi.head);
    expect(await verifyOnHost()).toMatchObject({ exitCode: 0, verdict: { ok: true, checked: 8 } });
  });

  it('fails verify by the anchors when the owner cuts the last rows, even after a new action, and when the table is truncated', async () => {
    await asOwnerWithout('audit_log_append_only', `DELETE FROM ${run.schema}.audit_log WHERE id > 4`);
    const cut = { ok: false, problems: [expect.objectContaining({ id: 8, problem: 'missing-tail' })] };
    expect(await verifyByApi()).toMatchObject(cut);
    expect(await verifyOnHost()).toMatchObject({ exitCode: 1, verdict: cut });

    // The next action (a pending and an ok row) chains onto what is left; the anchors kept still know
    // the rows 5 to 7 that were cut (row 8's anchor alone cannot tell it was committed).
    expect((await api().post('/tokens', { name: 'after-the-cut', role: 'viewer' })).status).toBe(201);
    expect(await verifyByApi()).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([expect.objectContaining({ id: 5, problem: 'anchor-mismatch' })]),
    });

    await asOwnerWithout('audit_log_no_truncate', `TRUNCATE ${run.schema}.audit_log`);
    expect(await verifyByApi()).toMatchObject({
      ok: false,
      checked: 0,
      problems: [expect.objectContaining({ id: 7, problem: 'truncated' })],
    });
  });

  it('keeps an app that does not migrate from starting on a schema that is behind', async () => {
    const behind = new Database(
      readConfig(
        databaseConfigSpec,
        run.env({ DATABASE_SCHEMA: `${run.schema}_empty`, DATABASE_MIGRATE: 'false' }),
      ),
    );
    try {
      await expect(behind.prepare()).rejects.toThrow(/is behind .*lienthong migrate/);
    } finally {
      await behind.close();
    }
  });
});
