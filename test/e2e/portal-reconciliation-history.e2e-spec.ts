import axios from 'axios';
import { readConfig } from '@lienthong/config';
import { Database, databaseConfigSpec } from '@lienthong/database';
import { Reconciler } from '@lienthong/national-portal';
import type { PortalDossier, PortalProgress } from '@lienthong/schemas';
import { eventually } from '../support/wait';
import { publish } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';
import { standalonePortalReconciler } from '../support/portal-reconciler';
import { dossierWithSteps } from '../support/lifecycles';
import { mapWithSource } from '../support/source-fixtures';

jest.setTimeout(180_000);

interface Held {
  record: PortalDossier;
  statuses: string[];
  progress: PortalProgress[];
}

const FINISHED = new Set([9, 10]);

/** A one-stop dossier that ran its whole course (received, processed, returned): at least 4 steps. */
function finishedDossier(firstSerial: number) {
  for (let serial = firstSerial; ; serial += 1) {
    const events = dossierWithSteps(serial, Date.now() - 3 * 86_400_000, 4);
    const newest = mapWithSource('motcua', Buffer.from(JSON.stringify(events[events.length - 1])));
    if (FINISHED.has(newest.status)) return { code: newest.dossierCode, events };
  }
}

/**
 * The portal loses a finished dossier, or the latest steps of one; the reconciliation restores the
 * record and the status history the national scoring reads (every step's status and time), in order,
 * as the connector first sent it, and never twice.
 */
describe('national-portal reconciliation restores the status history, on the real broker and the portal sandbox', () => {
  let sut: LienthongHarness;
  let database: Database;
  let reconciler: Reconciler;
  let closeAmendments: () => Promise<void>;

  const held = async (code: string): Promise<Held> =>
    (await axios.get<Held>(`${sut.portal.baseUrl}/_sandbox/dossiers/${encodeURIComponent(code)}`)).data;

  /** Publishes the dossier's events and waits until the portal holds it with every step. */
  async function deliveredToPortal(dossier: ReturnType<typeof finishedDossier>): Promise<Held> {
    await publish(
      sut.topics.source('motcua'),
      dossier.events.map((event) => ({ key: dossier.code, value: JSON.stringify(event) })),
    );
    const portal = await eventually(
      () => held(dossier.code).catch(() => ({ progress: [] }) as unknown as Held),
      (found) => found.progress.length === dossier.events.length,
      90_000,
    );
    // The ledger notes the delivery after the portal answered: the reconciliation reads it there.
    await eventually(
      () =>
        database.query<{ n: string }>(
          `SELECT count(*) AS n FROM delivery_ledger
           WHERE connector = 'national-portal' AND dossier_code = $1 AND outcome = 'delivered'`,
          [dossier.code],
        ),
      ([row]) => Number(row.n) === dossier.events.length,
      60_000,
    );
    return portal;
  }

  beforeAll(async () => {
    sut = await new LienthongHarness().start();
    const env = sut.env({ PORTAL_URL: sut.portal.baseUrl });
    database = new Database(readConfig(databaseConfigSpec, env));
    ({ reconciler, close: closeAmendments } = standalonePortalReconciler(database, env));
  });

  afterAll(async () => {
    await closeAmendments?.();
    await database?.close();
    await sut?.close();
  });

  it('re-creates a finished dossier the portal lost with every status step and its time, once', async () => {
    const dossier = finishedDossier(7100);
    const before = await deliveredToPortal(dossier);
    expect(FINISHED.has(Number(before.record.TrangThaiHoSo))).toBe(true);
    await axios.delete(`${sut.portal.baseUrl}/_sandbox/dossiers/${encodeURIComponent(dossier.code)}`);

    const report = await reconciler.run({ trigger: 'operator' });

    expect(report.drifts).toEqual([
      expect.objectContaining({
        dossierCode: dossier.code,
        drift: 'missing',
        outcome: 'restored',
        steps: dossier.events.length,
      }),
    ]);
    const after = await held(dossier.code);
    expect(after.record).toEqual(before.record);
    // What the national on-time item reads: each step's status and time, in the order first sent.
    expect(after.progress.map(({ TrangThai, ThoiDiemXuLy }) => [TrangThai, ThoiDiemXuLy])).toEqual(
      before.progress.map(({ TrangThai, ThoiDiemXuLy }) => [TrangThai, ThoiDiemXuLy]),
    );
    expect(after.progress).toEqual(before.progress);

    // Run again: the portal holds it all, nothing is sent twice.
    const again = await reconciler.run({ trigger: 'operator' });
    expect(again).toMatchObject({ missing: 0, differing: 0, restored: 0, failed: 0 });
    expect((await held(dossier.code)).progress).toHaveLength(before.progress.length);
  });

  it('sends the steps a portal whose status fell behind lost, and only those', async () => {
    const dossier = finishedDossier(7200);
    const before = await deliveredToPortal(dossier);
    const rolledBack = await axios.post<Held>(
      `${sut.portal.baseUrl}/_sandbox/dossiers/${encodeURIComponent(dossier.code)}/lose-steps`,
      { keep: 2 },
    );
    expect(rolledBack.data.progress).toHaveLength(2);
    expect(rolledBack.data.record.TrangThaiHoSo).not.toBe(before.record.TrangThaiHoSo);

    const report = await reconciler.run({ trigger: 'operator' });

    expect(report.drifts).toEqual([
      expect.objectContaining({
        dossierCode: dossier.code,
        drift: 'differing',
        fields: ['TrangThaiHoSo'],
        outcome: 'restored',
        steps: dossier.events.length - 2,
      }),
    ]);
    const after = await held(dossier.code);
    expect(after.record.TrangThaiHoSo).toBe(before.record.TrangThaiHoSo);
    expect(after.progress).toEqual(before.progress);

    const again = await reconciler.run({ trigger: 'operator' });
    expect(again).toMatchObject({ missing: 0, differing: 0, restored: 0, failed: 0 });
    expect((await held(dossier.code)).progress).toEqual(before.progress);
  });
});
