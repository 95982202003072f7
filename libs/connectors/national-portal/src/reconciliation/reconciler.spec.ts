import type { Amend, Amendments, TargetState } from '@lienthong/connector-runtime';
import type { Database } from '@lienthong/database';
import type { PortalDossier, PortalProgress } from '@lienthong/schemas';
import type { PortalClient } from '../portal-client';
import type { ProgressHistory, SentStep } from '../progress-history';
import { Reconciler } from './reconciler';

const CODE = '000.00.12.H26-261101-0001';
const step = (sequence: number, TrangThai: string): PortalProgress =>
  ({
    MaHoSo: CODE,
    NguoiXuLy: 'Chuyên viên',
    TrangThai,
    ThoiDiemXuLy: `2026110${sequence}080000`,
  }) as PortalProgress;
const FINISHED = ['2', '4', '9', '10'].map((status, index) => step(index + 1, status));
const record = { MaHoSo: CODE, TrangThaiHoSo: '10', DuocThanhToanTrucTuyen: '1' } as PortalDossier;

/** The portal as the reconciler sees it: what it holds, and every progress record it was sent. */
function fakePortal(held: PortalDossier | undefined) {
  const portal = {
    held,
    progress: [] as PortalProgress[],
    failProgressAfter: Infinity,
    lookup: async () => portal.held,
    syncDossiers: async (records: PortalDossier[]) => {
      portal.held = records[0];
      return { error_code: 0 };
    },
    updateProgress: async (records: PortalProgress[]) => {
      if (portal.progress.length + records.length > portal.failProgressAfter) throw new Error('portal down');
      portal.progress.push(...records);
      return [];
    },
  };
  return portal;
}

/** The kept history in memory, in order. */
function fakeHistory(records: PortalProgress[]) {
  const steps = records.map((record, index) => ({
    sourceSystem: 'motcua',
    sourceEventId: `e${index + 1}`,
    sequence: index + 1,
    record,
    atPortal: true,
  }));
  const mark = (chosen: SentStep[], atPortal: boolean) => {
    for (const one of chosen)
      steps.find((kept) => kept.sourceEventId === one.sourceEventId)!.atPortal = atPortal;
  };
  return {
    steps,
    owedAmong: async () => new Set(steps.some((kept) => !kept.atPortal) ? [CODE] : []),
    stepsOf: async () => steps.map((kept) => ({ ...kept })),
    markOwed: async (_: string, chosen: SentStep[]) => mark(chosen, false),
    markAtPortal: async (_: string, chosen: SentStep[]) => mark(chosen, true),
  };
}

function buildSut(portal: ReturnType<typeof fakePortal>, history: ReturnType<typeof fakeHistory>) {
  const lastSequence = history.steps.length;
  const state: TargetState = { lastSequence, status: 10, created: true, record };
  const database = {
    locks: () => ({
      tryHold: async (_: string, __: string, run: () => Promise<unknown>) => ({
        held: true,
        result: await run(),
      }),
    }),
    query: async (sql: string) =>
      sql.includes('FROM target_dossier_state')
        ? [{ dossier_code: CODE, last_sequence: String(lastSequence), created: true, record }]
        : [],
  } as unknown as Database;
  // The dossier's turn and the target policy are the runtime's (their own tests); here: the amend itself.
  const amendments = {
    amend: async (codes: string[], amend: Amend) =>
      new Map([[codes[0], { outcome: (await amend(state)) ? 'amended' : 'in-line' }]]),
  } as unknown as Amendments;
  return new Reconciler(
    portal as unknown as PortalClient,
    database,
    amendments,
    history as unknown as ProgressHistory,
  );
}

describe(Reconciler.name, () => {
  it('restores a dossier the portal lost with every status step, in order, as first sent', async () => {
    const portal = fakePortal(undefined);
    const sut = buildSut(portal, fakeHistory(FINISHED));

    const report = await sut.run({ trigger: 'operator' });

    expect(report.drifts).toEqual([
      expect.objectContaining({ drift: 'missing', outcome: 'restored', steps: 4 }),
    ]);
    expect(portal.held).toEqual(record);
    expect(portal.progress).toEqual(FINISHED);
  });

  it('sends nothing again when run a second time', async () => {
    const portal = fakePortal(undefined);
    const sut = buildSut(portal, fakeHistory(FINISHED));
    await sut.run({ trigger: 'operator' });

    const again = await sut.run({ trigger: 'operator' });

    expect(again).toMatchObject({ missing: 0, differing: 0, restored: 0 });
    expect(portal.progress).toHaveLength(FINISHED.length);
  });

  it('sends the steps after the status the portal holds when its status fell behind', async () => {
    const portal = fakePortal({ ...record, TrangThaiHoSo: '4' });
    const sut = buildSut(portal, fakeHistory(FINISHED));

    const report = await sut.run({ trigger: 'operator' });

    expect(report.drifts).toEqual([
      expect.objectContaining({ drift: 'differing', fields: ['TrangThaiHoSo'], steps: 2 }),
    ]);
    expect(portal.progress.map((sent) => sent.TrangThai)).toEqual(['9', '10']);
  });

  it('sends no step when the portal holds the status but another field differs', async () => {
    const portal = fakePortal({ ...record, DuocThanhToanTrucTuyen: '0' });
    const sut = buildSut(portal, fakeHistory(FINISHED));

    const report = await sut.run({ trigger: 'operator' });

    expect(report.drifts).toEqual([
      expect.objectContaining({ fields: ['DuocThanhToanTrucTuyen'], outcome: 'restored', steps: 0 }),
    ]);
    expect(portal.progress).toEqual([]);
  });

  it('resumes a restore cut short at the next run, sending only the steps still owed', async () => {
    const portal = fakePortal(undefined);
    portal.failProgressAfter = 10; // the first chunk of 10 goes, the portal is down for the 11th step
    const eleven = [...Array(10).keys()].map((index) => step(index + 1, '4')).concat(step(11, '9'));
    const sut = buildSut(portal, fakeHistory(eleven));

    const first = await sut.run({ trigger: 'operator' });
    expect(first.failed).toBe(1);
    expect(portal.held).toEqual(record);
    expect(portal.progress).toEqual(eleven.slice(0, 10));

    portal.failProgressAfter = Infinity;
    const second = await sut.run({ trigger: 'operator' });

    // The portal holds the record now: only the owed step makes the drift.
    expect(second.drifts).toEqual([
      expect.objectContaining({ drift: 'differing', fields: [], outcome: 'restored', steps: 1 }),
    ]);
    expect(portal.progress).toEqual(eleven);
    expect((await sut.run({ trigger: 'operator' })).drifts).toEqual([]);
  });
});
