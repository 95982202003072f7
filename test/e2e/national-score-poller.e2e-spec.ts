import { readFileSync } from 'node:fs';
import { startApp, type RunningApp } from '@lienthong/bootstrap';
import { projectPath, readConfig } from '@lienthong/config';
import { runCli, type CliOutput } from '@lienthong/console-cli';
import { Database, databaseConfigSpec } from '@lienthong/database';
import { nationalScore, nationalScoreConfigSpec, parsePeriod } from '@lienthong/national-score';
import { metricsRegistry } from '@lienthong/observability';
import {
  NationalScoreSandboxModule,
  nationalScoreSandboxConfigSpec,
  type SyncedDossier,
} from '@lienthong/sandboxes';
import axios from 'axios';
import { IsolatedRun } from '../support/isolated-run';

jest.setTimeout(120_000);

const golden = (...path: string[]) => projectPath('test', 'fixtures', 'contracts', 'national-score', ...path);
const DEPARTMENT_ID = '0b5f1c2a-15a0-4d26-8a15-000000000015';
const NOVEMBER = parsePeriod('2026-11');
/** 1 December 2026 in Hà Nội: November is over. */
const AFTER_NOVEMBER_2026 = Date.UTC(2026, 10, 30, 17);

/**
 * The poller against the scoring sandbox (the other side, over HTTP): every unit stored with its groups
 * and metrics, a 429/403 storm survived by backing off, a changed answer shape reported and counted
 * without a crash, and a new version only when the published figures changed.
 */
describe('national score poller against the scoring sandbox', () => {
  const run = new IsolatedRun();
  let sandbox: RunningApp;
  let database: Database;
  let env: NodeJS.ProcessEnv;
  let score: ReturnType<typeof nationalScore>;
  const control = (method: 'post' | 'put', path: string, body?: unknown) =>
    axios.request({ method, url: `${sandbox.url}/_sandbox/${path}`, data: body });
  const count = async (table: string, where = 'true') =>
    Number((await database.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`))[0].n);
  const shapeErrors = async () =>
    (await metricsRegistry.getSingleMetric('lienthong_national_score_shape_errors_total')!.get()).values.find(
      (value) => value.labels.endpoint === 'service-results',
    )?.value ?? 0;

  beforeAll(async () => {
    const { dossiers } = JSON.parse(readFileSync(golden('portal-dossiers.json'), 'utf8')) as {
      dossiers: SyncedDossier[];
    };
    const sandboxConfig = readConfig(nationalScoreSandboxConfigSpec, {
      NATIONAL_SCORE_SANDBOX_UNITS: golden('units-hanoi.json'),
      NATIONAL_SCORE_SANDBOX_RATE_PER_S: '0',
    });
    sandbox = await startApp(
      'sandbox-national-score',
      NationalScoreSandboxModule.register(sandboxConfig, {
        reader: { dossiers: async () => dossiers },
        now: () => AFTER_NOVEMBER_2026,
      }),
      { port: 0 },
    );
    env = run.env({
      NATIONAL_SCORE_URL: sandbox.url!,
      NATIONAL_SCORE_RATE_PER_S: '20',
      NATIONAL_SCORE_PAGE_SIZE: '1',
      NATIONAL_SCORE_BACKOFF_INITIAL_MS: '100',
      NATIONAL_SCORE_BACKOFF_MAX_MS: '2000',
    });
    database = new Database(readConfig(databaseConfigSpec, env));
    await database.migrate();
    score = nationalScore(readConfig(nationalScoreConfigSpec, env), database);
  });

  afterEach(() => control('post', 'reset'));

  afterAll(async () => {
    await sandbox?.app.close();
    await database?.close();
    await run.close();
  });

  it('stores every unit of a period with its total, six groups and metrics, and every raw answer', async () => {
    const report = await score.poller.fetch(NOVEMBER, { trigger: 'test' });

    // Three units (the province, the department, the ward) at one a page: three pages per endpoint.
    expect(report).toMatchObject({ outcome: 'changed', units: 3, pages: 21 });
    expect(report.changes.map((change) => change.change)).toEqual(['added', 'added', 'added']);
    const { units, checkedAt } = await score.reader.latest(NOVEMBER.key);
    expect(checkedAt).toEqual(report.fetchedAt);
    expect(units).toHaveLength(3);
    for (const unit of units) {
      expect(Object.keys(unit.groups).sort()).toEqual(['CKMB', 'CLGQ', 'MDHL', 'MDSH', 'TDGQ', 'TTTT']);
      expect(new Set(unit.metrics.map((metric) => metric.group))).toEqual(new Set(['CKMB', 'MDSH', 'MDHL']));
    }
    expect(units.find((unit) => unit.unit.departmentId === DEPARTMENT_ID)).toMatchObject({
      unit: { code: '000.00.15.H26', childGroup: 'AGENCY' },
      totalScore: 81.13,
      groups: { TTTT: { score: 5, maxScore: 10 } },
      version: 1,
    });
    expect(await count('national_score_answers', `fetch_id = ${report.id}`)).toBe(21);
  });

  it('writes no new version when nothing changed (fetched by `lienthong score fetch --json`)', async () => {
    const out: string[] = [];
    const io: CliOutput = {
      out: (text) => out.push(text),
      error: (text) => out.push(text),
      table: () => undefined,
      progress: () => ({ update: () => undefined, stop: () => undefined }),
    };

    expect(await runCli(['score', 'fetch', '--period', '2026-11', '--json'], io, env)).toBe(0);

    expect(JSON.parse(out.join('\n'))).toMatchObject({ outcome: 'unchanged', changes: [], units: 3 });
    expect(await count('national_scores')).toBe(3);
  });

  it('survives a storm of 429 and 403 by backing off, and stores every page', async () => {
    await control('put', 'politeness', { ratePerSecond: 2, forbidNext: 2 });

    const report = await score.poller.fetch(NOVEMBER, { trigger: 'test' });

    const stats = (await axios.get(`${sandbox.url}/_sandbox/stats`)).data;
    expect(stats.forbidden).toBe(2);
    expect(stats.tooManyRequests).toBeGreaterThan(0);
    expect(report).toMatchObject({ outcome: 'unchanged', pages: 21 });
    expect(await count('national_score_answers', `fetch_id = ${report.id}`)).toBe(21);
  });

  it('reports a changed answer shape as an error naming the endpoint and the field, and a metric, without a crash', async () => {
    const before = await shapeErrors();
    await control('post', 'drift', { rename: { totalScore: 'tongDiem' } });

    // The schedule's turn runs the same fetch: it must end, not throw, and leave the schedule running.
    await score.schedule.runNow();
    const report = await score.poller.fetch(NOVEMBER, { trigger: 'test' });

    expect(report.outcome).toBe('shape_error');
    expect(report.error).toMatch(/service-results.*totalScore/);
    expect(await shapeErrors()).toBeGreaterThanOrEqual(before + 1);
    expect(await count('national_scores')).toBe(3);
  });

  it('writes a new version of the units whose published figures drifted, naming what changed', async () => {
    await control('post', 'drift', { drop: { agency: '000.00.15.H26', count: 1, receivedIn: '2026-11' } });

    const report = await score.poller.fetch(NOVEMBER, { trigger: 'test' });

    expect(report.outcome).toBe('changed');
    const department = report.changes.find((change) => change.departmentId === DEPARTMENT_ID);
    expect(department).toMatchObject({ change: 'changed', fields: expect.arrayContaining(['totalScore']) });
    const history = await score.reader.history(DEPARTMENT_ID, NOVEMBER.key);
    expect(history.map((version) => version.version)).toEqual([1, 2]);
    expect(history[1].totalScore).not.toBe(history[0].totalScore);
    expect(history[1].changed).toEqual(department!.fields);
  });
});
