import axios from 'axios';
import { readConfig } from '@lienthong/config';
import { AdvisoryLocks, Database, databaseConfigSpec } from '@lienthong/database';
import { Reconciler, ReconciliationBusyError } from '@lienthong/national-portal';
import { LienthongHarness } from '../support/lienthong-harness';
import { standalonePortalReconciler } from '../support/portal-reconciler';
import { eventually } from '../support/wait';
import { publish } from '../support/kafka-client';
import { loadFixtureDossiers } from '../support/source-fixtures';

jest.setTimeout(180_000);

describe('national-portal reconciliation, on the real broker and the portal sandbox', () => {
  let sut: LienthongHarness;
  let database: Database;
  let reconciler: Reconciler;
  let closeAmendments: () => Promise<void>;
  /** Another process on the same database: a second replica, or an operator's CLI. */
  let otherProcess: AdvisoryLocks;
  const dossiers = loadFixtureDossiers('motcua');

  beforeAll(async () => {
    sut = await new LienthongHarness().start();
    const env = sut.env({ PORTAL_URL: sut.portal.baseUrl });
    database = new Database(readConfig(databaseConfigSpec, env));
    otherProcess = database.locks(database.dedicatedPool(2));
    ({ reconciler, close: closeAmendments } = standalonePortalReconciler(database, env));
    for (const dossier of dossiers) {
      await publish(
        sut.topics.source('motcua'),
        dossier.events.map(({ bytes }) => ({ key: dossier.dossierCode, value: bytes })),
      );
    }
    const delivered = await eventually(
      () =>
        database.query<{ n: string }>(
          "SELECT count(*) AS n FROM delivery_ledger WHERE connector = 'national-portal' AND outcome = 'delivered'",
        ),
      ([row]) => Number(row.n) === dossiers.flatMap((dossier) => dossier.events).length,
    );
    expect(Number(delivered[0].n)).toBe(dossiers.flatMap((dossier) => dossier.events).length);
  });

  afterAll(async () => {
    await closeAmendments?.();
    await otherProcess?.close();
    await database?.close();
    await sut?.close();
  });

  it('finds dossiers deleted or altered at the portal and restores them', async () => {
    expect(dossiers.length).toBeGreaterThanOrEqual(2);
    const [deleted, altered] = dossiers.map((dossier) => dossier.expectedPortal);
    await axios.delete(`${sut.portal.baseUrl}/_sandbox/dossiers/${deleted.MaHoSo}`);
    await axios.patch(`${sut.portal.baseUrl}/_sandbox/dossiers/${altered.MaHoSo}`, {
      TrangThaiHoSo: '1',
      ChuHoSo: 'Người Khác',
    });
    expect(await sut.portal.lookup(deleted.MaHoSo)).toBeUndefined();

    const report = await reconciler.run({ trigger: 'operator' });

    expect(report).toMatchObject({
      checked: dossiers.length,
      missing: 1,
      differing: 1,
      restored: 2,
      failed: 0,
    });
    expect(report.drifts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ dossierCode: deleted.MaHoSo, drift: 'missing', outcome: 'restored' }),
        expect.objectContaining({
          dossierCode: altered.MaHoSo,
          drift: 'differing',
          fields: ['ChuHoSo', 'TrangThaiHoSo'].sort(),
          outcome: 'restored',
        }),
      ]),
    );
    for (const expected of [deleted, altered]) {
      const held = (await sut.portal.lookup(expected.MaHoSo)) as unknown as Record<string, unknown>;
      for (const [field, value] of Object.entries(expected))
        expect([field, held[field]]).toEqual([field, value]);
    }
  });

  it('finds nothing to restore when the portal holds what was sent, and records every run', async () => {
    const report = await reconciler.run({ trigger: 'operator', since: new Date(Date.now() - 3_600_000) });

    expect(report).toMatchObject({ checked: dossiers.length, missing: 0, differing: 0, restored: 0 });
    const runs = await database.query<{ missing: number; differing: number; trigger: string }>(
      'SELECT missing, differing, trigger FROM reconciliation_runs ORDER BY id',
    );
    expect(runs).toEqual([
      { missing: 1, differing: 1, trigger: 'operator' },
      { missing: 0, differing: 0, trigger: 'operator' },
    ]);
  });

  it('re-sends a dossier only in its turn: while another replica delivers it, the restore waits', async () => {
    const { MaHoSo: code } = dossiers[0].expectedPortal;
    await axios.delete(`${sut.portal.baseUrl}/_sandbox/dossiers/${code}`);
    const turn = holdUntilReleased((work) =>
      otherProcess.holdAll('dossier-turn:national-portal', [code], async () => undefined, work),
    );
    await turn.held;

    const run = reconciler.run({ trigger: 'operator' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await sut.portal.lookup(code)).toBeUndefined();
    } finally {
      turn.release();
      await turn.done;
    }

    expect(await run).toMatchObject({ missing: 1, restored: 1, failed: 0 });
    expect((await sut.portal.lookup(code))?.MaHoSo).toBe(code);
  });

  it('runs once across replicas: a run started while another goes on is refused, not doubled', async () => {
    const elsewhere = holdUntilReleased((work) =>
      otherProcess.tryHold('reconciliation', 'national-portal', work),
    );
    await elsewhere.held;
    const before = await database.query('SELECT id FROM reconciliation_runs');

    try {
      await expect(reconciler.run({ trigger: 'schedule' })).rejects.toBeInstanceOf(ReconciliationBusyError);
    } finally {
      elsewhere.release();
    }
    expect((await elsewhere.done).held).toBe(true);
    expect(await database.query('SELECT id FROM reconciliation_runs')).toHaveLength(before.length);
    await expect(reconciler.run({ trigger: 'schedule' })).resolves.toMatchObject({ failed: 0 });
  });

  it("never sends the ledger's record over a newer one whose answer was lost: that delivery heals it", async () => {
    const { MaHoSo: code } = dossiers[1].expectedPortal;
    await axios.patch(`${sut.portal.baseUrl}/_sandbox/dossiers/${code}`, { TrangThaiHoSo: '1' });
    // A newer event was sent and its answer lost: the portal may hold more than the ledger knows.
    await database.query(
      `UPDATE target_attempts SET attempted_sequence = attempted_sequence + 1000
       WHERE connector = 'national-portal' AND dossier_code = $1`,
      [code],
    );

    const report = await reconciler.run({ trigger: 'operator' });

    expect(report.drifts).toEqual([
      expect.objectContaining({ dossierCode: code, drift: 'differing', outcome: 'superseded' }),
    ]);
    expect((await sut.portal.lookup(code))?.TrangThaiHoSo).toBe('1');
  });
});

/** Holds a lock through `hold` until released: `held` once it is taken, `done` once let go. */
function holdUntilReleased<R>(hold: (work: () => Promise<void>) => Promise<R>) {
  let release = () => undefined as void;
  let taken = () => undefined as void;
  const held = new Promise<void>((resolve) => (taken = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const done = hold(() => {
    taken();
    return released;
  });
  return { held, release, done };
}
