import axios from 'axios';
import { eventually } from '../support/wait';
import { publish } from '../support/kafka-client';
import { BA_DINH, dossierCode, HOAN_KIEM, KpiHarness, motcuaEvents } from '../support/kpi-harness';
import { STORIES } from '../support/kpi-stories';

jest.setTimeout(150_000);

const PERIOD = 'from=2026-01-01&to=2026-01-31';
const EVENTS = STORIES.reduce((sum, s) => sum + s.steps.length, 0);

interface Item {
  id: string;
  state: string;
  points: number | null;
  numerator: number | null;
  denominator: number | null;
}
interface AgencyRow {
  agencyCode: string;
  name: string;
  rank: number;
  counts: Record<string, number>;
  score: {
    points: number;
    measuredMax: number;
    percent: number;
    groups: { id: string; points: number | null; items: Item[] }[];
  };
}
interface Ranking {
  city: { counts: Record<string, number> };
  agencies: AgencyRow[];
}

const item = (row: AgencyRow, id: string) =>
  row.score.groups.flatMap((g) => g.items).find((i) => i.id === id)!;

describe('the KPI dashboard from source events to its API', () => {
  let sut: KpiHarness;
  const ranking = async () =>
    (await axios.get<Ranking>(`${sut.dashboardUrl}/kpi/api/ranking?${PERIOD}`)).data;
  const skippedStale = async () => {
    const metrics = (await axios.get<string>(`${sut.dashboardUrl}/metrics`)).data;
    return Number(/lienthong_kpi_skipped_total\{reason="stale"\} (\d+)/.exec(metrics)?.[1] ?? 0);
  };

  beforeAll(async () => {
    sut = await new KpiHarness().start();
    await sut.publishStories(STORIES);
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('scores each agency by the national rules, worked out by hand', async () => {
    // The portal holds the first dossier (what the portal connector records once it created it).
    const held = dossierCode(STORIES[0]);
    await eventually(ranking, (r) => r.city?.counts.received === 7);
    await sut.withDatabase((client) =>
      client.query(
        `INSERT INTO ${sut.schema}.target_dossier_state (connector, dossier_code, last_sequence, status, created, record)
         VALUES ('national-portal', $1, 4, 10, true, '{}')`,
        [held],
      ),
    );
    const result = await eventually(
      ranking,
      (r) => r.city.counts.synced === 1 && r.city.counts.received === 7,
    );

    expect(result.agencies.map((a) => [a.rank, a.agencyCode, a.name])).toEqual([
      [1, BA_DINH.maDinhDanh, BA_DINH.ten],
      [2, HOAN_KIEM.maDinhDanh, HOAN_KIEM.ten],
    ]);
    const [baDinh, hoanKiem] = result.agencies;
    // Hoàn Kiếm: 5 received; on time: 1, 2 (supplement not counted), 5 (withdrawn in time) = 60% → 12.
    expect(hoanKiem.counts).toMatchObject({
      received: 5,
      onTime: 3,
      overdue: 2,
      online: 3,
      withFees: 2,
      paidOnline: 1,
    });
    expect(item(hoanKiem, 'on_time')).toMatchObject({ points: 12, numerator: 3, denominator: 5 });
    expect(item(hoanKiem, 'online').points).toBe(2.88); // 3.3: 12 × (3/5 × 1/5 synced) ÷ 0.5
    expect(item(hoanKiem, 'paid_online').points).toBe(3); // 6 × 1/2
    expect(item(hoanKiem, 'payment_procedures').points).toBe(2); // min(2, 2.5 × 1/1)
    expect(item(hoanKiem, 'fee_lists').state).toBe('not_measured');
    expect(item(hoanKiem, 'e_result').points).toBe(6); // 3 settled, 3 with an e-result
    expect(item(hoanKiem, 'digitized_files').points).toBe(4);
    // 4.3 counts the dossiers with digitized parts (all 5), full at 80%.
    expect(item(hoanKiem, 'reuse')).toMatchObject({ state: 'measured', points: 2 });
    expect(item(hoanKiem, 'warehouse').points).toBe(2.4); // 4.4: 4 × (0 from the warehouse + 3 e-results)/5
    expect(item(hoanKiem, 'dossier_satisfaction').points).toBe(4); // 6 × (1 − 2/5 − 0) ÷ 0.9
    expect(item(hoanKiem, 'portal_sync').points).toBe(1.2); // 6 × 1/5
    expect(item(hoanKiem, 'procedures_published').state).toBe('not_measured');
    expect(hoanKiem.score).toMatchObject({ points: 39.48, measuredMax: 72, percent: 54.8 });
    // Ba Đình: both on time, both online but none at the portal yet, no fees (payment: no data), one
    // "không hài lòng" of 2, which a local rating does not count against it (5.4 uses the portal's dislikes).
    expect(item(baDinh, 'on_time').points).toBe(20);
    expect(item(baDinh, 'online').points).toBe(0); // × 0/2 synced
    expect(item(baDinh, 'paid_online').state).toBe('no_data');
    expect(item(baDinh, 'dossier_satisfaction').points).toBe(6); // 6 × (1 − 0) capped
    expect(baDinh.score).toMatchObject({ points: 42, measuredMax: 64, percent: 65.6 });
    expect(result.city.counts).toMatchObject({ received: 7, onTime: 5, overdue: 2 });
  });

  it('skips a stale event the hub marked, and serves the series, the CSV and the drill-down', async () => {
    const before = await skippedStale();
    const lateFirst = { ...(motcuaEvents(STORIES[0])[0] as Record<string, unknown>), eventId: 'late-copy' };
    await publish(sut.topics.source('motcua'), [
      { key: dossierCode(STORIES[0]), value: JSON.stringify(lateFirst) },
    ]);
    expect(await eventually(skippedStale, (n) => n > before)).toBe(before + 1);
    const [row] = await sut.withDatabase(
      async (client) =>
        (
          await client.query(`SELECT status FROM ${sut.schema}.kpi_dossiers WHERE dossier_code = $1`, [
            dossierCode(STORIES[0]),
          ])
        ).rows,
    );
    expect(row.status).toBe(10);

    // The population database verified Ba Đình's first applicant: population data used, 1 of 2 dossiers.
    await publish(sut.topics.identityVerified, [
      {
        key: dossierCode(STORIES[5]),
        value: JSON.stringify({
          dossierCode: dossierCode(STORIES[5]),
          sourceEventId: 'e-1',
          verified: true,
          reason: null,
          checkedAt: '2026-01-06T02:00:00Z',
          method: 'TraCuuThongTinCongDan',
          answeredBy: 'gateway',
          requestId: 'r-1',
          citizen: null,
        }),
      },
    ]);
    const verified = await eventually(ranking, (r) => r.city.counts.populationData === 1);
    const baDinh = verified.agencies.find((agency) => agency.agencyCode === BA_DINH.maDinhDanh)!;
    expect(item(baDinh, 'population_data')).toMatchObject({ points: 1, numerator: 1, denominator: 2 });
    expect(item(baDinh, 'population_procedures').points).toBe(2);

    const series = (
      await axios.get(`${sut.dashboardUrl}/kpi/api/series?${PERIOD}&agency=${HOAN_KIEM.maDinhDanh}`)
    ).data;
    expect(series).toEqual([
      expect.objectContaining({ day: '2026-01-05', received: 4, onTime: 3, overdue: 1 }),
      expect.objectContaining({ day: '2026-01-20', received: 1, onTime: 0, overdue: 1 }),
    ]);

    const csv = (await axios.get<string>(`${sut.dashboardUrl}/kpi/api/ranking.csv?${PERIOD}`)).data;
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(
      `2,${HOAN_KIEM.maDinhDanh},${HOAN_KIEM.ten},39.48,72,54.8,1.2,12,2.88,5,14.4,4,5,3,2`,
    );

    const overdue = `${sut.dashboardUrl}/kpi/api/agencies/${HOAN_KIEM.maDinhDanh}/overdue`;
    expect((await axios.get(overdue, { validateStatus: () => true })).status).toBe(401);
    const viewer = await sut.token('viewer');
    const answer = await axios.get(overdue, { headers: { Authorization: `Bearer ${viewer}` } });
    expect(answer.data.dossiers.map((d: { dossierCode: string }) => d.dossierCode)).toEqual([
      dossierCode(STORIES[3]),
    ]);
    expect(
      (await axios.get(`${sut.dashboardUrl}/kpi/api/ranking?from=2026-13-01`, { validateStatus: () => true }))
        .status,
    ).toBe(400);
  });

  it('gives the same numbers when dossier.v1 is replayed from the start, onto the read model or into an empty one', async () => {
    const expected = await ranking();
    const before = await skippedStale();
    await sut.startDashboard({ KPI_GROUP_ID: 'kpi-replay-onto' });
    // Every event of the topic is older than or as old as its dossier's row now: all skipped.
    expect(await eventually(skippedStale, (n) => n >= before + EVENTS + 1)).toBe(before + EVENTS + 1);
    expect(await ranking()).toEqual(expected);

    await sut.withDatabase((client) =>
      client.query(
        `TRUNCATE ${sut.schema}.kpi_dossiers, ${sut.schema}.kpi_daily, ${sut.schema}.kpi_monthly, ${sut.schema}.kpi_agencies, ${sut.schema}.kpi_population_checks`,
      ),
    );
    await sut.startDashboard({ KPI_GROUP_ID: 'kpi-replay-empty' });
    const rebuilt = await eventually(ranking, (r) => JSON.stringify(r) === JSON.stringify(expected));
    expect(rebuilt).toEqual(expected);
  });
});
