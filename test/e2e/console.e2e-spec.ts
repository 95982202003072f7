import { deadLetter } from '@lienthong/kafka';
import { toPortalDossier } from '@lienthong/national-portal';
import { motcuaLifecycle } from '@lienthong/simulator';
import { mapSourceEvent, MotcuaMapper } from '@lienthong/sources';
import axios from 'axios';
import { runCli } from '../support/cli-run';
import { ADMIN_TOKEN, ConsoleHarness, FAST_DEAD_LETTERS as SETTINGS } from '../support/console-harness';
import { eventually } from '../support/wait';
import { publish, readTopic } from '../support/kafka-client';

jest.setTimeout(120_000);

type Lifecycle = ReturnType<typeof motcuaLifecycle>;
const codeOf = (events: Lifecycle) => events[0].hoSo.maHoSo;
/** The status the portal must hold once the whole lifecycle is delivered. */
function finalPortalStatus(events: Lifecycle): string {
  const last = mapSourceEvent(new MotcuaMapper(), Buffer.from(JSON.stringify(events.at(-1))));
  if (!last.ok) throw new Error(last.rejection.message);
  return toPortalDossier(last.dossier).TrangThaiHoSo;
}

/** The CLI in this process against the console, its output captured. */
const cli = (sut: ConsoleHarness, token: string | undefined, ...args: string[]) =>
  runCli(sut.env(), ['--url', sut.consoleUrl, ...(token ? ['--token', token] : []), ...args]);

/**
 * The operator console over the real flow (portal sandbox, connector, hub) on the real broker and
 * PostgreSQL: access per role, pause and resume, dead-letter replay at both stages, a dossier's trace,
 * and an audit log that finds a row changed by hand.
 */
describe('operator console, on the real broker and database', () => {
  let sut: ConsoleHarness;
  let viewer: string;
  let operator: string;

  beforeAll(async () => {
    sut = new ConsoleHarness();
    await sut.start(SETTINGS);
    await sut.startConnectorReplica('replica-2', SETTINGS);
    await sut.startConsole({ CONNECTOR_RETRY_DELAYS_S: '1' });
    viewer = await sut.token('viewer');
    operator = await sut.token('operator');
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('answers 401 without a valid token and 403 where the role may not act, and audits the refusals', async () => {
    expect((await sut.api().get('/status')).status).toBe(401);
    expect((await sut.api('lt_not-a-token').get('/status')).status).toBe(401);

    const status = await sut.api(viewer).get('/status');
    expect(status.data.hub).toMatchObject({ state: 'running', members: 1 });
    expect((await sut.api(viewer).post('/connectors/national-portal/pause')).status).toBe(403);
    expect((await sut.api(viewer).post('/dead-letters/replay', { ids: [1] })).status).toBe(403);
    expect((await sut.api(viewer).get('/tokens')).status).toBe(403);
    expect((await sut.api(operator).post('/tokens', { name: 'x', role: 'admin' })).status).toBe(403);
    expect((await sut.api(operator).delete('/tokens/whatever')).status).toBe(403);
    expect((await sut.api(ADMIN_TOKEN).get('/tokens')).status).toBe(200);

    const shortLived = await sut.token('viewer', 'short-lived');
    const { data: tokens } = await sut.api(ADMIN_TOKEN).get('/tokens');
    const id = tokens.tokens.find((token: { name: string }) => token.name === 'short-lived').id;
    expect((await sut.api(ADMIN_TOKEN).delete(`/tokens/${id}`)).status).toBe(200);
    expect((await sut.api(shortLived).get('/status')).status).toBe(401);

    const { data } = await sut.api(viewer).get('/audit', { params: { limit: 100 } });
    const refused = data.entries.filter((entry: { result: string }) => entry.result === 'refused');
    expect(refused.map((entry: { actor: string }) => entry.actor)).toEqual(
      expect.arrayContaining([`viewer-${sut.id}`, `operator-${sut.id}`]),
    );
  });

  it('makes the first admin token on the host, straight into the database, audited as the host user', async () => {
    const made = await cli(
      sut,
      undefined,
      '--json',
      'token',
      'create',
      '--local',
      '--name',
      'host-admin',
      '--role',
      'admin',
    );
    const { token } = JSON.parse(made.output);
    expect((await sut.api(token).get('/me')).data).toMatchObject({ name: 'host-admin', role: 'admin' });
    const { data } = await sut.api(token).get('/audit', { params: { action: 'token.create' } });
    expect(data.entries[0]).toMatchObject({
      actor: expect.stringMatching(/^host:/),
      target: 'token/host-admin',
    });

    // That admin makes and revokes a token from the CLI.
    const created = JSON.parse(
      (await cli(sut, token, '--json', 'token', 'create', '--name', 'cli-viewer', '--role', 'viewer')).output,
    );
    const listed = JSON.parse((await cli(sut, token, '--json', 'token', 'ls')).output);
    expect(listed).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: created.id, role: 'viewer' })]),
    );
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect((await sut.api(created.token).get('/me')).status).toBe(200);
    await cli(sut, token, 'token', 'revoke', created.id);
    expect((await sut.api(created.token).get('/me')).status).toBe(401);
  });

  it('answers 404 for what does not exist and 400 naming the bad field', async () => {
    const api = sut.api(operator);
    expect((await api.get('/connectors/no-such-connector')).data.message).toMatch(/no connector named/);
    expect((await api.post('/connectors/no-such-connector/pause')).status).toBe(404);
    expect((await api.get('/dead-letters/999999')).status).toBe(404);
    expect((await api.get('/dossiers/H26.NO-SUCH-DOSSIER/trace')).status).toBe(404);
    const badLimit = await api.get('/dead-letters', { params: { limit: 'many' } });
    expect([badLimit.status, JSON.stringify(badLimit.data.message)]).toEqual([
      400,
      expect.stringContaining('limit'),
    ]);
    const badRole = await sut.api(ADMIN_TOKEN).post('/tokens', { name: 'someone', role: 'root' });
    expect([badRole.status, JSON.stringify(badRole.data.message)]).toEqual([
      400,
      expect.stringContaining('role'),
    ]);
    const nothing = await api.post('/dead-letters/replay', { filter: { reason: 'NO_SUCH_REASON' } });
    expect(nothing.data).toMatchObject({ replayed: 0, message: expect.stringMatching(/nothing replayed/) });
    expect((await axios.get(`${sut.consoleUrl}/health/ready`)).data.checks).toMatchObject({
      kafka: { status: 'up' },
      postgres: { status: 'up' },
    });
    expect((await axios.get(`${sut.consoleUrl}/api/docs-json`)).data.paths).toHaveProperty(
      '/api/v1/connectors/{name}/pause',
    );
  });

  it('pauses the connector on every replica within 5 s, delivers nothing meanwhile (a restart too), and catches up on resume', async () => {
    const api = sut.api(operator);
    const before = motcuaLifecycle(7000, Date.now() - 86_400_000);
    await publish(
      sut.topics.source('motcua'),
      before.map((event) => ({ key: codeOf(before), value: JSON.stringify(event) })),
    );
    await eventually(
      () => sut.portal.lookup(codeOf(before)),
      (record) => record !== undefined,
      30_000,
    );

    const pausedAt = Date.now();
    expect((await api.post('/connectors/national-portal/pause', { reason: 'e2e' })).data).toEqual({
      connector: 'national-portal',
      paused: true,
    });
    const obeyed = await eventually(
      () => api.get('/connectors/national-portal').then(({ data }) => data),
      (status) =>
        status.replicas.length === 2 &&
        status.replicas.every((replica: { paused: boolean }) => replica.paused),
      10_000,
    );
    expect(obeyed.state).toBe('paused');
    expect(obeyed.replicas.map((replica: { paused: boolean }) => replica.paused)).toEqual([true, true]);
    expect(Date.now() - pausedAt).toBeLessThan(5_000);

    const during = [1, 2, 3].map((serial) => motcuaLifecycle(7100 + serial, Date.now() - 86_400_000));
    for (const events of during) {
      await publish(
        sut.topics.source('motcua'),
        events.map((event) => ({ key: codeOf(events), value: JSON.stringify(event) })),
      );
    }
    // The broker measures the lag now, not after a batch: it grows while nothing is consumed.
    const lagging = await eventually(
      () => api.get('/connectors/national-portal').then(({ data }) => data),
      (status) => status.lag.total > 0,
      10_000,
    );
    expect(lagging.lag.partitions.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const events of during) expect(await sut.portal.lookup(codeOf(events))).toBeUndefined();

    // The pause survives a restart: the connector comes back paused and still delivers nothing.
    await sut.restartPipeline(SETTINGS);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const restarted = (await api.get('/connectors/national-portal')).data;
    expect(restarted.state).toBe('paused');
    expect(restarted.replicas.every((replica: { paused: boolean }) => replica.paused)).toBe(true);
    for (const events of during) expect(await sut.portal.lookup(codeOf(events))).toBeUndefined();

    expect((await api.post('/connectors/national-portal/resume')).data.paused).toBe(false);
    for (const events of during) {
      const held = await eventually(
        () => sut.portal.lookup(codeOf(events)),
        (record) => record?.TrangThaiHoSo === finalPortalStatus(events),
        30_000,
      );
      expect(held?.TrangThaiHoSo).toBe(finalPortalStatus(events));
      expect((await sut.portal.held(codeOf(events))).creates).toBe(1);
    }
  });

  it('replays a hub dead letter whose cause was fixed: it reaches the portal once, and a replay that fails again keeps its history', async () => {
    const api = sut.api(operator);
    const source = sut.topics.source('motcua');
    // An event an earlier hub refused (its cause since fixed), written as the hub writes dead letters.
    const fixed = motcuaLifecycle(7200, Date.now() - 86_400_000).slice(0, 1);
    const refusedBefore = deadLetter(
      sut.topics.deadLetter('hub'),
      'hub',
      {
        topic: source,
        partition: 0,
        offset: '0',
        key: Buffer.from(codeOf(fixed)),
        value: Buffer.from(JSON.stringify(fixed[0])),
        headers: {},
        timestamp: String(Date.now()),
      },
      { reason: 'UNKNOWN_STATUS', message: 'a status this hub did not know yet' },
    );
    await publish(refusedBefore.topic, [
      { key: refusedBefore.key, value: refusedBefore.value, headers: refusedBefore.headers },
    ]);
    // And one the hub refuses now, for real.
    const broken = motcuaLifecycle(7201, Date.now() - 86_400_000)[0];
    broken.hoSo.trangThai = 'KHONG_CO_TRANG_THAI_NAY' as never;
    await publish(source, [{ key: broken.hoSo.maHoSo, value: JSON.stringify(broken) }]);

    const listed = await eventually(
      () => api.get('/dead-letters', { params: { stage: 'hub' } }).then(({ data }) => data.deadLetters),
      (letters) => letters.length >= 2,
      30_000,
    );
    const fixedLetter = listed.find(
      (letter: { dossierCode: string }) => letter.dossierCode === codeOf(fixed),
    );
    const brokenLetter = listed.find(
      (letter: { dossierCode: string }) => letter.dossierCode === broken.hoSo.maHoSo,
    );
    expect(brokenLetter).toMatchObject({ reason: 'UNKNOWN_STATUS', sourceSystem: 'motcua' });
    const { data: shown } = await api.get(`/dead-letters/${brokenLetter.id}`);
    expect(shown.decoded.hoSo.maHoSo).toBe(broken.hoSo.maHoSo);
    expect(shown.headers['lienthong-dlq-source-topic']).toBe(source);

    const first = await api.post(`/dead-letters/${fixedLetter.id}/replay`);
    expect(first.data).toMatchObject({ replayed: 1, replayId: expect.any(String) });
    await eventually(
      () => sut.portal.lookup(codeOf(fixed)),
      (record) => record !== undefined,
      30_000,
    );
    // Replayed again: the hub's duplicate check stops it.
    await api.post(`/dead-letters/${fixedLetter.id}/replay`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await sut.portal.held(codeOf(fixed))).creates).toBe(1);

    const again = await api.post('/dead-letters/replay', { ids: [brokenLetter.id], reason: 'try again' });
    const dead = await readTopic(sut.topics.deadLetter('hub'), 3, 30_000);
    const refusedAgain = dead.find(
      (message) => message.headers['lienthong-replay-id'] === again.data.replayId,
    );
    expect(refusedAgain?.headers['lienthong-dlq-reason']).toBe('UNKNOWN_STATUS');
    expect(JSON.parse(refusedAgain!.headers['lienthong-replay-history'])).toEqual([
      expect.objectContaining({ stage: 'hub', reason: 'UNKNOWN_STATUS', replayId: again.data.replayId }),
    ]);
  });

  it('replays connector dead letters after a portal outage: each reaches the portal once', async () => {
    const api = sut.api(operator);
    const dossiers = [1, 2].map((serial) =>
      motcuaLifecycle(7300 + serial, Date.now() - 86_400_000).slice(0, 1),
    );
    await axios.post(`${sut.portal.baseUrl}/_sandbox/faults/outage`, { seconds: 12 });
    for (const events of dossiers) {
      await publish(
        sut.topics.source('motcua'),
        events.map((event) => ({ key: codeOf(events), value: JSON.stringify(event) })),
      );
    }
    const letters = await eventually(
      () =>
        api
          .get('/dead-letters', { params: { connector: 'national-portal' } })
          .then(({ data }) => data.deadLetters),
      (found) => found.length >= 2,
      40_000,
    );
    expect(letters[0].reason).toMatch(/^RETRIES_EXHAUSTED_/);
    await eventually(
      () =>
        sut.portal.lookup('H26-OUTAGE-PROBE').then(
          () => true,
          () => false,
        ),
      (up) => up,
      20_000,
    );

    const replay = await cli(
      sut,
      operator,
      'dlq',
      'replay',
      '--all',
      '--connector',
      'national-portal',
      '--json',
    );
    expect(JSON.parse(replay.output)).toMatchObject({ replayed: 2 });
    for (const events of dossiers) {
      await eventually(
        () => sut.portal.lookup(codeOf(events)),
        (record) => record !== undefined,
        30_000,
      );
      expect((await sut.portal.held(codeOf(events))).creates).toBe(1);
    }
    const nothingLeft = await cli(sut, operator, 'dlq', 'replay', '--all', '--connector', 'national-portal');
    expect(nothingLeft.output).toMatch(/nothing replayed/);
  });

  interface TraceStepView {
    sequence: number;
    status: number;
    at: string;
  }

  it('traces a dossier across every hop, with what the portal holds now beside what was sent', async () => {
    const events = motcuaLifecycle(7400, Date.now() - 86_400_000);
    await publish(
      sut.topics.source('motcua'),
      events.map((event) => ({ key: codeOf(events), value: JSON.stringify(event) })),
    );
    const delivered = await eventually(
      () => sut.portal.lookup(codeOf(events)),
      (record) => record?.TrangThaiHoSo === finalPortalStatus(events),
      30_000,
    );
    expect(delivered?.TrangThaiHoSo).toBe(finalPortalStatus(events));

    const trace = await eventually(
      () =>
        sut
          .api(viewer)
          .get(`/dossiers/${codeOf(events)}/trace`)
          .then(({ data }) => data),
      (found) =>
        ['source', 'canonical', 'delivery'].every((kind) =>
          found.timeline?.some((step: { kind: string }) => step.kind === kind),
        ),
      20_000,
    );
    const kinds = (kind: string) => trace.timeline.filter((step: { kind: string }) => step.kind === kind);
    expect(kinds('source')).toHaveLength(events.length);
    expect(kinds('source')[0]).toMatchObject({
      topic: sut.topics.source('motcua'),
      partition: expect.any(Number),
      offset: expect.any(String),
    });
    // Each canonical event names the connectors it was routed to: they read it there, on dossier.v1.
    expect(kinds('canonical')).toHaveLength(events.length);
    for (const step of kinds('canonical')) expect(step.detail.routedTo).toContain('national-portal');
    expect(kinds('route')).toEqual([]);
    // The hub's state as it applied it: its latest canonical event (the hub keeps its own state on Kafka).
    const latest = kinds('canonical').reduce((a: TraceStepView, b: TraceStepView) =>
      b.sequence > a.sequence ? b : a,
    );
    expect(trace.hub).toMatchObject({
      lastSequence: events.length,
      status: latest.status,
      updatedAt: latest.at,
    });
    expect(latest.sequence).toBe(events.length);
    expect(kinds('delivery')[0].detail.outcome).toBe('delivered');
    expect(trace.targets[0]).toMatchObject({ connector: 'national-portal', created: true });
    expect(trace.portal.held.MaHoSo).toBe(codeOf(events));
    expect(trace.portal.differences).toEqual([]);

    const printed = await cli(sut, viewer, 'trace', codeOf(events));
    expect(printed.output).toContain('canonical');
    expect(printed.output).toMatch(/portal holds it/);
  });

  it('lists every action in the audit log, and `audit verify` finds a row changed by hand in PostgreSQL', async () => {
    const { data } = await sut.api(viewer).get('/audit', { params: { limit: 1000 } });
    const actions = new Set(data.entries.map((entry: { action: string }) => entry.action));
    for (const action of [
      'token.create',
      'token.revoke',
      'connector.pause',
      'connector.resume',
      'dead-letter.replay',
    ]) {
      expect(actions).toContain(action);
    }
    expect((await cli(sut, viewer, 'audit', 'verify')).exitCode).toBeFalsy();

    const pause = data.entries.find((entry: { action: string }) => entry.action === 'connector.pause');
    await sut.withDatabase(async (client) => {
      // The table refuses UPDATE; someone with the database's own rights goes around that.
      await client.query(`ALTER TABLE ${sut.schema}.audit_log DISABLE TRIGGER audit_log_append_only`);
      await client.query(`UPDATE ${sut.schema}.audit_log SET actor = 'someone-else' WHERE id = $1`, [
        pause.id,
      ]);
    });
    const verdict = await cli(sut, viewer, '--json', 'audit', 'verify');
    expect(verdict.exitCode).toBe(1);
    expect(JSON.parse(verdict.output)).toMatchObject({
      ok: false,
      problems: [expect.objectContaining({ id: pause.id, problem: 'changed' })],
    });
  });
});
