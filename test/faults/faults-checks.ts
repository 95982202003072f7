import axios from 'axios';
import { toPortalDossier } from '@lienthong/national-portal';
import type { MotcuaEvent } from '@lienthong/schemas';
import { eventually } from '../support/wait';
import type { LienthongHarness } from '../support/lienthong-harness';
import { mapWithSource } from '../support/source-fixtures';

/** Every dossier at the portal once, at the status of its newest event, after a fault has passed. */
export async function expectEachDossierOnceAtNewestStatus(
  sut: LienthongHarness,
  lifecycles: MotcuaEvent[][],
  timeoutMs: number,
): Promise<void> {
  for (const events of lifecycles) {
    const newest = mapWithSource('motcua', Buffer.from(JSON.stringify(events.at(-1))));
    const status = toPortalDossier(newest).TrangThaiHoSo;
    const held = await eventually(
      () => sut.portal.held(newest.dossierCode).catch(() => undefined),
      (history) => history?.statuses.at(-1) === status,
      timeoutMs,
    );
    expect({ code: newest.dossierCode, creates: held?.creates, status: held?.statuses.at(-1) }).toEqual({
      code: newest.dossierCode,
      creates: 1,
      status,
    });
  }
}

/** The apps report themselves ready again. */
export async function expectReady(sut: LienthongHarness, apps: string[]): Promise<void> {
  for (const app of apps) {
    const ready = await eventually(
      () => axios.get(`${sut.url(app)}/health/ready`, { validateStatus: () => true }),
      ({ status }) => status === 200,
      60_000,
    );
    expect([app, ready.status]).toEqual([app, 200]);
  }
}
