import { readdirSync } from 'node:fs';
import { startApp, type RunningApp } from '@lienthong/bootstrap';
import { readConfig } from '@lienthong/config';
import axios from 'axios';
import { AFTER_NOVEMBER_2026, goldenJson, goldenPath, heldDossiers } from './national-score.fixture';
import { nationalScoreSandboxConfigSpec } from './national-score.config';
import { NationalScoreSandboxModule } from './national-score.module';

const DEPARTMENT = '000.00.15.H26';
const [D1, , , , D5] = heldDossiers().map(({ record }) => record.MaHoSo);
type Golden = { path: string; body: Record<string, unknown> };
type Answer = { status: number; body: { data: Record<string, Record<string, unknown>[]> } };

describe(`${NationalScoreSandboxModule.name} over HTTP`, () => {
  let sut: RunningApp;
  const post = (path: string, body: unknown) =>
    axios.post(`${sut.url}${path}`, body, { validateStatus: () => true });
  const control = (method: 'get' | 'post' | 'put', path: string, body?: unknown) =>
    axios.request({ method, url: `${sut.url}/_sandbox/${path}`, data: body, validateStatus: () => true });
  const ask = (file: string, change: Record<string, unknown> = {}) => {
    const golden = goldenJson<Golden>('requests', file);
    return post(golden.path, { ...golden.body, ...change });
  };
  const departmentRow = async (file: string) =>
    (await ask(file)).data.data[file.includes('tree') ? 'children' : 'evaluation'].find(
      (row: Record<string, unknown>) => row.departmentCode === DEPARTMENT,
    );

  beforeAll(async () => {
    const env = {
      NATIONAL_SCORE_SANDBOX_UNITS: goldenPath('units-hanoi.json'),
      NATIONAL_SCORE_SANDBOX_RATE_PER_S: '0',
    };
    const reader = { dossiers: async () => heldDossiers() };
    sut = await startApp(
      'sandbox-national-score',
      NationalScoreSandboxModule.register(readConfig(nationalScoreSandboxConfigSpec, env), {
        reader,
        now: () => AFTER_NOVEMBER_2026,
      }),
      { port: 0 },
    );
  });

  afterEach(() => control('post', 'reset'));
  afterAll(() => sut.app.close());

  it.each(readdirSync(goldenPath('requests')))('answers %s as its golden answer', async (file) => {
    const golden = goldenJson<Answer>('answers', file);

    const answer = await ask(file);

    expect({ status: answer.status, body: answer.data }).toEqual(golden);
  });

  it('pages through the units: a page shorter than pageSize is the last', async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((currentPage) => ask('transparency.json', { currentPage, pageSize: 1 })),
    );

    expect(pages.map((page) => page.data.data.evaluation.map((row: { stt: number }) => row.stt))).toEqual([
      [1],
      [2],
      [],
    ]);
  });

  it('refuses a request without a period or a root with HTTP 400', async () => {
    expect((await ask('transparency.json', { month: undefined })).status).toBe(400);
    expect((await ask('transparency.json', { rootDepartmentId: undefined })).status).toBe(400);
  });

  it('answers 429 beyond the rate and counts it', async () => {
    await control('put', 'politeness', { ratePerSecond: 1 });

    const statuses = [];
    for (let call = 0; call < 3; call += 1) statuses.push(await ask('transparency.json'));

    const refused = statuses.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused[0].headers['retry-after']).toBe('1');
    expect((await control('get', 'stats')).data).toMatchObject({
      requests: 3,
      tooManyRequests: refused.length,
    });
  });

  it('answers 403 to as many next calls as told, then serves again', async () => {
    await control('put', 'politeness', { forbidNext: 1 });

    expect((await ask('transparency.json')).status).toBe(403);
    expect((await ask('transparency.json')).status).toBe(201);
    expect((await control('get', 'stats')).data).toMatchObject({ forbidden: 1, answered: 1 });
  });

  it('drops dossiers and counts dislikes as told: the department scores the hand-computed 78.23', async () => {
    const dropped = await control('post', 'drift', {
      drop: { agency: DEPARTMENT, count: 1, receivedIn: '2026-11', where: { TrangThaiHoSo: '2' } },
      dislike: { codes: [D1] },
    });

    expect(dropped.data).toMatchObject({ dropped: [D5], disliked: [D1] });
    // The same four dossiers, one lost and D1 disliked, as in score-formulas.spec.ts.
    expect(await departmentRow('service-results.json')).toMatchObject({ totalScore: 78.23 });
  });

  it('flips payment flags on N dossiers of an agency', async () => {
    const flipped = await control('post', 'drift', {
      flip: {
        agency: DEPARTMENT,
        count: 5,
        where: { DuocThanhToanTrucTuyen: '1' },
        set: { DuocThanhToanTrucTuyen: '0' },
      },
    });

    expect(flipped.data.flipped).toEqual([D1]); // fewer than asked: the only one paid online
    expect(await departmentRow('formality-online-payment-tree.json')).toMatchObject({
      score: 0,
      totalDossierOnlinePaymentSuccess: 0,
      totalDossierFinancialObligation: 2,
    });
  });

  it('renames an answer field wherever it appears, until reset', async () => {
    await control('post', 'drift', { rename: { totalScore: 'tongDiem' } });

    const renamed = await departmentRow('service-results.json');
    expect(renamed).toHaveProperty('tongDiem');
    expect(renamed).not.toHaveProperty('totalScore');

    await control('post', 'reset');
    expect(await departmentRow('service-results.json')).toHaveProperty('totalScore');
  });
});
