import { NationalComparison, publishDrift } from '@lienthong/kpi';
import axios from 'axios';
import { dossierCode, HOAN_KIEM, BA_DINH, type MotcuaStory } from '../support/kpi-harness';
import { NationalHarness } from '../support/national-harness';
import { until } from '../support/wait';

jest.setTimeout(240_000);

const DONG_DA = { maDinhDanh: '000.00.14.H26', ten: 'UBND phường Đống Đa' };
const GROUPS = ['CKMB', 'TDGQ', 'CLGQ', 'MDSH', 'MDHL', 'TTTT'];

/** A dossier of November 2026 settled on time and returned with its e-result. */
function settled(
  agency: MotcuaStory['agency'],
  serial: number,
  rest: Partial<MotcuaStory> = {},
): MotcuaStory {
  const day = String(2 + serial).padStart(2, '0');
  const at = (offset: number, hour = '09:00:00') =>
    `2026-11-${String(2 + serial + offset).padStart(2, '0')}T${hour}`;
  return {
    serial,
    agency,
    received: `2026-11-${day}T08:00:00`,
    due: at(6, '17:00:00'),
    steps: [
      { status: 'DA_TIEP_NHAN', at: `2026-11-${day}T08:00:00` },
      { status: 'DANG_XU_LY', at: at(1) },
      { status: 'DA_XU_LY_XONG', at: at(2) },
      { status: 'DA_TRA_KET_QUA', at: at(3) },
    ],
    ...rest,
  };
}

const serials = (count: number) => Array.from({ length: count }, (_, index) => index + 1);
/** Hoàn Kiếm: 7 dossiers online, 3 at the counter. Ba Đình: 10 online, fees paid online. Đống Đa: 10 online. */
const HOAN_KIEM_STORIES = serials(10).map((n) =>
  settled(HOAN_KIEM, n, { channel: n <= 7 ? 'TRUC_TUYEN' : 'TRUC_TIEP' }),
);
const BA_DINH_STORIES = serials(10).map((n) => settled(BA_DINH, n, { fee: { paidOnline: true } }));
const DONG_DA_STORIES = serials(10).map((n) => settled(DONG_DA, n));
const STORIES = [...HOAN_KIEM_STORIES, ...BA_DINH_STORIES, ...DONG_DA_STORIES];
const LOST = HOAN_KIEM_STORIES.slice(0, 7).map(dossierCode).sort();
const UNPAID = BA_DINH_STORIES.slice(2, 7).map(dossierCode).sort();

interface Overview {
  period: string;
  agencies: {
    agencyCode: string;
    national: { totalScore: number; rank: number; groups: Record<string, number>; fetchedAt: string } | null;
    own: { totalScore: number; rank: number; groups: Record<string, number> };
    drift: { totalScore: number; groups: Record<string, number> };
    causes: { kind: string; item: string; count: number }[];
  }[];
  unmatched: { side: string; code: string }[];
}
interface DrillDown {
  items: {
    group: string;
    code: string;
    national: { score: number } | null;
    own: unknown;
    drift: number | null;
  }[];
  causes: {
    kind: string;
    item: string;
    flag?: string;
    count: number;
    action: string;
    dossiers: { code: string; detail: string }[];
  }[];
}

/**
 * The national score beside the city's own, on the real broker and PostgreSQL: the portal sandbox holds
 * what the connector synced, the scoring sandbox computes the national figures from it, the dashboard
 * compares. Drift is 0 where nothing was lost; dossiers the portal lost and flags it holds otherwise are
 * named, dossier by dossier; a storm of 429 and a changed answer shape are survived and reported.
 */
describe('national score drift, explained', () => {
  const sut = new NationalHarness();
  const overview = () => sut.get<Overview>('/kpi/api/national?period=2026-11');
  const row = (result: Overview, agency: { maDinhDanh: string }) =>
    result.agencies.find((candidate) => candidate.agencyCode === agency.maDinhDanh)!;
  const drillDown = (agency: { maDinhDanh: string }) =>
    sut.get<DrillDown>(`/kpi/api/national/agencies/${agency.maDinhDanh}?period=2026-11`);
  const fetchNovember = () => sut.fetchNational('2026-11');
  const metric = async (pattern: RegExp) => {
    const text = (await axios.get<string>(`${sut.dashboardUrl}/metrics`)).data;
    return [...text.matchAll(new RegExp(pattern.source, 'gm'))].reduce(
      (sum, match) => sum + Number(match[1]),
      0,
    );
  };

  beforeAll(async () => {
    await sut.startNational();
    await sut.publishStories(STORIES);
    const ranking = `/kpi/api/ranking?from=2026-11-01&to=2026-11-30`;
    await until('every dossier projected and marked synced at the portal', async () => {
      const { city } = await sut.get<{ city: { counts: { received: number; synced: number } } }>(ranking);
      return city.counts.received === 30 && city.counts.synced === 30 ? true : undefined;
    });
    await until('every status at the portal', async () => {
      const held = (await axios.get(`${sut.portal.baseUrl}/_sandbox/dossiers?limit=1000`)).data.dossiers as {
        record: { TrangThaiHoSo: string };
      }[];
      return held.length === 30 && held.every(({ record }) => record.TrangThaiHoSo === '10')
        ? true
        : undefined;
    });
    // The causes read the portal connector's records as the sync marking copies them into the read model.
    await until("every last status sent to the portal in the KPI's read model", async () => {
      const [copied] = await sut.database.query<{ n: string }>(
        'SELECT count(*) AS n FROM kpi_dossiers WHERE portal_status = 10',
      );
      return Number(copied.n) === 30 ? true : undefined;
    });
  });

  // The scoring sandbox's refusals, slowed rate and renamed fields end with the test that set them,
  // even when it fails: a test never meets another's.
  afterEach(() => sut.control('post', 'reset'));

  afterAll(() => sut.close());

  it('runs the national score schedule in the dashboard', async () => {
    const [scheduled] = await sut.database.query<{ n: string }>(
      `SELECT count(*) AS n FROM national_score_fetches WHERE trigger = 'schedule'`,
    );
    expect(Number(scheduled.n)).toBeGreaterThanOrEqual(1);
  });

  it('finds no drift after a month where nothing was lost, and pairs every unit with its agency', async () => {
    const report = await fetchNovember();
    expect(report.outcome).toBe('changed');

    const result = await overview();

    expect(result.period).toBe('2026-11');
    expect(result.unmatched).toEqual([]);
    expect(result.agencies.map((agency) => agency.agencyCode)).toEqual(
      [BA_DINH, DONG_DA, HOAN_KIEM].map((agency) => agency.maDinhDanh).sort(),
    );
    for (const agency of result.agencies) {
      expect(agency.national).not.toBeNull();
      expect(agency.drift.totalScore).toBe(0);
      expect(Object.keys(agency.drift.groups).sort()).toEqual([...GROUPS].sort());
      for (const group of GROUPS) expect(agency.drift.groups[group]).toBe(0);
      expect(agency.own.totalScore).toBe(agency.national!.totalScore);
      expect(agency.causes).toEqual([]);
    }
  });

  it('names exactly the dossiers the portal lost and the payment flags it holds otherwise', async () => {
    for (const code of LOST) await axios.delete(`${sut.portal.baseUrl}/_sandbox/dossiers/${code}`);
    for (const code of UNPAID) {
      await axios.patch(`${sut.portal.baseUrl}/_sandbox/dossiers/${code}`, { DuocThanhToanTrucTuyen: '0' });
    }
    expect((await fetchNovember()).outcome).toBe('changed');
    // The reconciliation finds them at the portal (and re-sends them): the evidence, dossier by dossier.
    const reconciliation = await sut.reconciler.run({ trigger: 'operator' });
    expect(reconciliation).toMatchObject({ missing: 7, differing: 5, failed: 0 });

    const result = await overview();

    const hoanKiem = row(result, HOAN_KIEM);
    expect(hoanKiem.drift.groups.CLGQ).toBe(-12); // the 3 left at the portal are all at the counter
    expect(hoanKiem.drift.totalScore).toBe(-12);
    expect(hoanKiem.causes).toEqual([{ kind: 'not_at_portal', item: 'portal_sync', count: 7 }]);
    const baDinh = row(result, BA_DINH);
    expect(baDinh.drift.groups.TTTT).toBe(-3); // 6 points × 5 of 10 paid online at the portal, against 10
    expect(baDinh.causes).toEqual([{ kind: 'flag_differs', item: 'paid_online', count: 5 }]);
    const dongDa = row(result, DONG_DA);
    expect(dongDa.drift.totalScore).toBe(0);
    expect(dongDa.causes).toEqual([]);

    const lost = (await drillDown(HOAN_KIEM)).causes.filter((cause) => cause.kind !== 'not_measurable');
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ kind: 'not_at_portal', count: 7, action: 'resync' });
    expect(lost[0].dossiers.map((dossier) => dossier.code).sort()).toEqual(LOST);
    const unpaid = await drillDown(BA_DINH);
    const flags = unpaid.causes.filter((cause) => cause.kind !== 'not_measurable');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      kind: 'flag_differs',
      item: 'paid_online',
      flag: 'DuocThanhToanTrucTuyen',
      count: 5,
    });
    expect(flags[0].dossiers.map((dossier) => dossier.code).sort()).toEqual(UNPAID);
    expect(unpaid.items.find((item) => item.code === 'paid_online')).toMatchObject({
      group: 'TTTT',
      national: { numerator: 5, denominator: 10 },
      own: { numerator: 10, denominator: 10, score: 6 },
      drift: -3,
    });
    expect(
      unpaid.causes.filter((cause) => cause.kind === 'not_measurable').map((cause) => cause.item),
    ).toEqual(expect.arrayContaining(['procedures_published', 'complaints_on_time']));
    // No personal data in what an operator reads: dossier codes and field names only.
    expect(JSON.stringify(unpaid)).not.toMatch(/Nguyễn Văn An/);

    const comparison = sut.dashboard.get(NationalComparison, { strict: false });
    await publishDrift(comparison, '2026-11');
    expect(
      await metric(/^lienthong_score_drift_points\{agency="000\.00\.12\.H26",group="CLGQ"\} (\S+)$/),
    ).toBe(-12);
    expect(
      await metric(/^lienthong_score_drift_points\{agency="000\.00\.13\.H26",group="TTTT"\} (\S+)$/),
    ).toBe(-3);

    const history = await sut.get<{ months: { period: string; national: unknown; own: unknown }[] }>(
      `/kpi/api/national/history?agencyCode=${HOAN_KIEM.maDinhDanh}&from=2026-10&to=2026-11`,
    );
    expect(history.months).toEqual([
      // Nothing received in October, nothing published for it.
      { period: '2026-10', national: null, own: { totalScore: null, rank: null } },
      {
        period: '2026-11',
        national: { totalScore: hoanKiem.national!.totalScore, rank: hoanKiem.national!.rank },
        own: { totalScore: hoanKiem.own.totalScore, rank: hoanKiem.own.rank },
      },
    ]);
  });

  it('survives a storm of 429 and 403, and reports it', async () => {
    const refused = () =>
      metric(/^lienthong_national_score_calls_total\{[^}]*outcome="too_many_requests"[^}]*\} (\S+)$/);
    const before = await refused();
    await sut.control('put', 'politeness', { ratePerSecond: 2, forbidNext: 2 });

    const report = await fetchNovember();

    // Stored whole (the reconciliation's re-sends may have changed the figures since the last fetch).
    expect(['changed', 'unchanged']).toContain(report.outcome);
    expect(report.pages).toBe(7);
    expect(await refused()).toBeGreaterThan(before);
    // The reconciliation re-sent what the portal lost, status history included: the nation now judges
    // the restored dossiers finished when they finished, as the city does.
    const restored = (await overview()).agencies.filter((agency) => agency.national);
    expect(restored.length).toBeGreaterThan(0);
    for (const agency of restored) {
      expect([agency.agencyCode, agency.drift.groups.TDGQ, agency.drift.totalScore]).toEqual([
        agency.agencyCode,
        0,
        0,
      ]);
    }
  });

  it('reports a changed answer shape as an error and a metric, and keeps answering with the last figures', async () => {
    const before = await metric(
      /^lienthong_national_score_shape_errors_total\{endpoint="service-results"\} (\S+)$/,
    );
    await sut.control('post', 'drift', { rename: { totalScore: 'tongDiem' } });

    const report = await fetchNovember();

    expect(report.outcome).toBe('shape_error');
    expect(report.error).toMatch(/service-results.*totalScore/);
    expect(
      await metric(/^lienthong_national_score_shape_errors_total\{endpoint="service-results"\} (\S+)$/),
    ).toBeGreaterThan(before);
    const result = await overview();
    expect(result.agencies.every((agency) => agency.national?.totalScore !== undefined)).toBe(true);
  });
});
