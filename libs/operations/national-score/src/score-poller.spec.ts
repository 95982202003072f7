import { readConfig } from '@lienthong/config';
import type { Database } from '@lienthong/database';
import { nationalScoreConfigSpec } from './national-score.config';
import type { RawAnswer, ScoreClient } from './score-client';
import type { ScoreEndpoint } from './score-endpoints';
import { DEPARTMENT_ID, goldenAnswer, ROOT_DEPARTMENT_ID, WARD_ID } from './score-golden.fixture';
import { parsePeriod } from './score-period';
import { NationalScorePoller } from './score-poller';
import type { NationalScoreStore } from './score-store';
import type { UnitScore } from './unit-score';

/** A client answering each endpoint's golden rows `pageSize` at a time, as the portal pages. */
function pagingClient(asked: Record<string, unknown>[], rename: Record<string, string> = {}) {
  return {
    call: async (endpoint: ScoreEndpoint, request: Record<string, unknown>): Promise<RawAnswer> => {
      asked.push({ endpoint, ...request });
      const data = structuredClone(goldenAnswer(`${endpoint}.json`).body.data) as Record<string, unknown[]>;
      const list = 'children' in data ? 'children' : 'evaluation';
      const size = Number(request.pageSize);
      const page = Number(request.currentPage);
      data[list] = data[list].slice((page - 1) * size, page * size);
      let text = JSON.stringify({ data });
      for (const [from, to] of Object.entries(rename)) text = text.replaceAll(`"${from}"`, `"${to}"`);
      return { endpoint, page, request, status: 201, text, sha256: 'x', fetchedAt: new Date() };
    },
  } as unknown as ScoreClient;
}

describe(NationalScorePoller.name, () => {
  const config = readConfig(nationalScoreConfigSpec, { NATIONAL_SCORE_PAGE_SIZE: '1' });
  const database = {
    locks: () => ({
      tryHold: async (_: string, __: string, work: () => Promise<unknown>) => ({
        held: true,
        result: await work(),
      }),
    }),
  } as unknown as Database;
  let stored: { units: UnitScore[]; answers: RawAnswer[] } | undefined;
  let failure: { outcome: string; error: string } | undefined;
  const store = {
    recordFetch: async (period: unknown, _: string, answers: RawAnswer[], units: UnitScore[]) => {
      stored = { units, answers };
      return { id: 1, period, outcome: 'changed', changes: [] };
    },
    recordFailure: async (period: unknown, _: string, __: RawAnswer[], outcome: string, error: string) => {
      failure = { outcome, error };
      return { id: 2, period, outcome, changes: [], error };
    },
  } as unknown as NationalScoreStore;

  beforeEach(() => {
    stored = undefined;
    failure = undefined;
  });

  it('asks every endpoint page by page until a short page, and joins the units', async () => {
    const asked: Record<string, unknown>[] = [];
    const sut = new NationalScorePoller(config, pagingClient(asked), store, database);

    const report = await sut.fetch(parsePeriod('2026-11'), { trigger: 'test' });

    // Two units at one a page: pages 1 and 2 are full, page 3 is short (empty), for each of seven endpoints.
    expect(asked).toHaveLength(21);
    expect(asked.slice(0, 3)).toEqual(
      [1, 2, 3].map((currentPage) => ({
        endpoint: 'service-results',
        timeType: 'month',
        year: 2026,
        month: 11,
        rootDepartmentId: ROOT_DEPARTMENT_ID,
        currentPage,
        pageSize: 1,
      })),
    );
    expect(report).toMatchObject({ units: 3, pages: 21 });
    const department = stored!.units.find((unit) => unit.unit.departmentId === DEPARTMENT_ID)!;
    expect(department).toMatchObject({
      totalScore: 81.13,
      maxScore: 100,
      groups: {
        CKMB: { score: 18, maxScore: 18 },
        TDGQ: { score: 16, maxScore: 20 },
        TTTT: { score: 5, maxScore: 10 },
      },
      parameters: { 'dvc-progress-tree': { totalReceived: 5 } },
    });
    expect(department.metrics.map((metric) => `${metric.group}/${metric.code}`)).toContain('MDSH/4.2');
    expect(stored!.units.map((unit) => unit.unit.departmentId).sort()).toEqual(
      [DEPARTMENT_ID, ROOT_DEPARTMENT_ID, WARD_ID].sort(),
    );
  });

  it('asks a quarter and a year with their own fields', async () => {
    const asked: Record<string, unknown>[] = [];
    const sut = new NationalScorePoller(config, pagingClient(asked), store, database);

    await sut.fetch(parsePeriod('2026-Q4'), { trigger: 'test' });
    await sut.fetch(parsePeriod('2026'), { trigger: 'test' });

    expect(asked[0]).toMatchObject({ timeType: 'quarter', year: 2026, quarter: 4 });
    expect(asked[0]).not.toHaveProperty('month');
    expect(asked[21]).toMatchObject({ timeType: 'year', year: 2026 });
    expect(asked[21]).not.toHaveProperty('quarter');
  });

  it('records a changed shape as a failed fetch naming the endpoint and the field, without throwing', async () => {
    const sut = new NationalScorePoller(
      config,
      pagingClient([], { totalScore: 'tongDiem' }),
      store,
      database,
    );

    const report = await sut.fetch(parsePeriod('2026-11'), { trigger: 'test' });

    expect(report.outcome).toBe('shape_error');
    expect(failure?.error).toMatch(/service-results.*totalScore/);
    expect(stored).toBeUndefined();
  });
});
