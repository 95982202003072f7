import { createHash } from 'node:crypto';
import { runCli } from '../support/cli-run';
import { ADMIN_TOKEN, ConsoleHarness } from '../support/console-harness';

jest.setTimeout(120_000);

const PER_TOKEN = 20;

interface AuditRow {
  id: string;
  actor: string;
  actor_token_id: string | null;
  action: string;
  result: string;
  parameters: Record<string, unknown>;
  detail: Record<string, unknown>;
  bytes: number;
}

/**
 * The console's front door on the real flow, broker and PostgreSQL: an action is audited before it
 * happens, input that cannot be stored is refused before anything happens, a refusal is audited by
 * size and hash only, tokens expire, and the API is rate-limited.
 */
describe('console API, audit first', () => {
  let sut: ConsoleHarness;
  let viewer: string;
  let operator: string;

  beforeAll(async () => {
    sut = new ConsoleHarness();
    await sut.start();
    await sut.startConsole({ CONSOLE_RATE_LIMIT_PER_TOKEN: String(PER_TOKEN) });
    viewer = await sut.token('viewer');
    operator = await sut.token('operator');
  });

  afterAll(async () => {
    await sut?.close();
  });

  const auditRows = (afterId: number) =>
    sut.withDatabase(async (client) => {
      const { rows } = await client.query<AuditRow>(
        `SELECT a.*, octet_length(row_to_json(a)::text) AS bytes FROM ${sut.schema}.audit_log a
         WHERE id > $1 ORDER BY id`,
        [afterId],
      );
      return rows;
    });
  const lastAuditId = () =>
    sut.withDatabase(async (client) => {
      const { rows } = await client.query<{ id: string | null }>(
        `SELECT max(id) AS id FROM ${sut.schema}.audit_log`,
      );
      return Number(rows[0].id ?? 0);
    });
  const pauseState = () =>
    sut.withDatabase(async (client) => {
      const { rows } = await client.query<{ paused: boolean }>(
        `SELECT paused FROM ${sut.schema}.connector_control WHERE connector = 'national-portal'`,
      );
      return rows[0]?.paused ?? false;
    });
  it('refuses a pause whose reason holds a NUL with 400: the connector runs on, and the refusal is audited by size and hash', async () => {
    const before = await lastAuditId();
    const body = JSON.stringify({ reason: 'maintenance\u0000window' });

    const answer = await sut
      .api(operator)
      .post('/connectors/national-portal/pause', body, { headers: { 'content-type': 'application/json' } });

    expect([answer.status, answer.data.message]).toEqual([400, expect.stringMatching(/control characters/)]);
    expect(await pauseState()).toBe(false);
    expect((await sut.api(operator).get('/connectors/national-portal')).data.state).not.toBe('paused');
    const [refusal, ...others] = await auditRows(before);
    expect(others).toEqual([]);
    expect(refusal).toMatchObject({
      actor: `operator-${sut.id}`,
      actor_token_id: expect.any(String),
      result: 'refused',
      parameters: {},
      detail: {
        status: 400,
        request: {
          method: 'POST',
          path: '/api/v1/connectors/national-portal/pause',
          bodyBytes: Buffer.byteLength(body),
          bodySha256: createHash('sha256').update(body).digest('hex'),
        },
      },
    });
    expect(JSON.stringify(refusal)).not.toContain('maintenance');
  });

  it('refuses a pause when its audit row cannot be written: the connector runs on', async () => {
    const answer = await sut.withAuditLogFailing(() =>
      sut.api(operator).post('/connectors/national-portal/pause', { reason: 'audit is down' }),
    );

    expect([answer.status, answer.data.message]).toEqual([503, expect.stringMatching(/audit log/)]);
    expect(await pauseState()).toBe(false);
  });

  it('writes a pending row before a pause and, in the pause’s own transaction, the row saying it was done', async () => {
    const before = await lastAuditId();

    expect(
      (await sut.api(operator).post('/connectors/national-portal/pause', { reason: 'e2e' })).status,
    ).toBe(200);
    expect((await sut.api(operator).post('/connectors/national-portal/resume')).status).toBe(200);

    const rows = await auditRows(before);
    expect(rows.map((row) => [row.action, row.result])).toEqual([
      ['connector.pause', 'pending'],
      ['connector.pause', 'ok'],
      ['connector.resume', 'pending'],
      ['connector.resume', 'ok'],
    ]);
    expect(rows[1].detail).toEqual({ pendingId: Number(rows[0].id) });
    expect(rows[3].detail).toEqual({ pendingId: Number(rows[2].id) });
    expect((await sut.api(viewer).get('/audit/verify')).data).toMatchObject({ ok: true });
  });

  it('audits a viewer’s refused 5 MB and 100 kB writes in rows of bounded size, never their bodies', async () => {
    const before = await lastAuditId();
    const huge = { reason: 'x'.repeat(5 * 1024 * 1024) };
    const large = JSON.stringify({ reason: 'y'.repeat(100 * 1024) });

    const tooLarge = await sut.api(viewer).post('/connectors/national-portal/pause', huge);
    const forbidden = await sut
      .api(viewer)
      .post('/dead-letters/replay', large, { headers: { 'content-type': 'application/json' } });

    expect([tooLarge.status, forbidden.status]).toEqual([400, 403]);
    const rows = await auditRows(before);
    expect(rows.map((row) => [row.actor, row.result, row.detail.status])).toEqual([
      [`viewer-${sut.id}`, 'refused', 400],
      [`viewer-${sut.id}`, 'refused', 403],
    ]);
    for (const row of rows) expect(row.bytes).toBeLessThan(2048);
    expect(rows[1].detail.request).toMatchObject({
      bodyBytes: Buffer.byteLength(large),
      bodySha256: createHash('sha256').update(large).digest('hex'),
    });
  });

  it('gives tokens 90 days unless told, names the token by id in the audit, and answers 401 once one has expired', async () => {
    const admin = sut.api(ADMIN_TOKEN);
    const standard = await admin.post('/tokens', { name: 'ninety-days', role: 'viewer' });
    const shortLived = await admin.post('/tokens', { name: 'one-hour', role: 'viewer', ttl: '1h' });
    expect((await admin.post('/tokens', { name: 'too-long', role: 'viewer', ttl: '400d' })).status).toBe(400);

    const lifetime = (created: { expiresAt: string }) => Date.parse(created.expiresAt) - Date.now();
    expect(lifetime(standard.data) / 86_400_000).toBeCloseTo(90, 1);
    expect(lifetime(shortLived.data) / 3_600_000).toBeCloseTo(1, 1);
    expect((await sut.api(shortLived.data.token).get('/me')).status).toBe(200);
    const { data: me } = await admin.get('/me');
    const { data: audit } = await admin.get('/audit', { params: { action: 'token.create', limit: 2 } });
    expect(audit.entries[0]).toMatchObject({
      actorTokenId: me.id,
      result: 'ok',
      detail: { id: shortLived.data.id, expiresAt: shortLived.data.expiresAt },
    });

    await sut.withDatabase((client) =>
      client.query(
        `UPDATE ${sut.schema}.console_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [shortLived.data.id],
      ),
    );
    expect((await sut.api(shortLived.data.token).get('/me')).status).toBe(401);
    expect((await sut.api(standard.data.token).get('/me')).status).toBe(200);
  });

  it('makes a token on the host and its audit row in one transaction: neither when the audit cannot be written', async () => {
    const createLocally = (name: string, ...options: string[]) =>
      runCli(sut.env(), [
        '--json',
        'token',
        'create',
        '--local',
        '--name',
        name,
        '--role',
        'admin',
        ...options,
      ]);
    const tokensNamed = (name: string) =>
      sut.withDatabase(async (client) => {
        const { rows } = await client.query<{ id: string }>(
          `SELECT id FROM ${sut.schema}.console_tokens WHERE name = $1`,
          [name],
        );
        return rows.map((row) => row.id);
      });

    await expect(sut.withAuditLogFailing(() => createLocally('never-made'))).resolves.toMatchObject({
      exitCode: 1,
      errors: expect.stringMatching(/audit_log cannot be written/),
    });
    expect(await tokensNamed('never-made')).toEqual([]);

    const before = await lastAuditId();
    const created = await createLocally('host-admin', '--ttl', '30d');
    expect(created.exitCode).toBe(0);
    const made = JSON.parse(created.output) as { id: string; expiresAt: string };
    expect(await tokensNamed('host-admin')).toEqual([made.id]);
    expect((await auditRows(before)).map((row) => [row.action, row.result, row.detail.id])).toEqual([
      ['token.create', 'ok', made.id],
    ]);
    expect(Date.parse(made.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
  });

  it('answers 429 to a burst over the per-token limit, and other tokens go on', async () => {
    const burst = await sut.token('viewer', 'bursting');
    const answers = await Promise.all(
      Array.from({ length: PER_TOKEN + 10 }, () => sut.api(burst).get('/me')),
    );
    const limited = answers.filter((answer) => answer.status === 429);

    expect(limited.length).toBeGreaterThanOrEqual(10);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(PER_TOKEN);
    expect(Number(limited[0].headers['retry-after'])).toBeGreaterThan(0);
    expect((await sut.api(viewer).get('/me')).status).toBe(200);
  });
});
