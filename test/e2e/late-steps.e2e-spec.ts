import axios from 'axios';
import type { PortalProgress } from '@lienthong/schemas';
import { eventually } from '../support/wait';
import { publish } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';
import { dossierWithSteps } from '../support/lifecycles';
import { mapWithSource } from '../support/source-fixtures';

jest.setTimeout(120_000);

/**
 * A dossier's first steps fail during an outage and wait on a retry topic, while a newer step arrives
 * after the outage and is delivered first. The parked steps come back older than what the portal holds:
 * their record must not be sent over the newer one, but each step's progress record must still arrive.
 */
describe('steps parked during an outage, overtaken by a newer one', () => {
  let sut: LienthongHarness;

  beforeAll(async () => {
    sut = await new LienthongHarness().start({
      CONNECTOR_MAX_ATTEMPTS: '1',
      CONNECTOR_RETRY_DELAYS_S: '12,30,60',
      PORTAL_TIMEOUT_MS: '1000',
    });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('ends with the newest record and every step as a progress record', async () => {
    const [first, second, third] = dossierWithSteps(5100, Date.now() - 86_400_000, 3);
    const code = first.hoSo.maHoSo;
    const send = (event: typeof first) =>
      publish(sut.topics.source('motcua'), [{ key: code, value: JSON.stringify(event) }]);

    await axios.post(`${sut.portal.baseUrl}/_sandbox/faults/outage`, { seconds: 5 });
    await send(first);
    await send(second);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await send(third);

    const held = await eventually(
      () => sut.portal.held(code).catch(() => ({ creates: 0, statuses: [] as string[], progress: [] })),
      (history) => history.progress.length >= 3,
      60_000,
    );
    expect(held.creates).toBe(1);
    const progress = held.progress as PortalProgress[];
    expect(progress).toHaveLength(3);
    expect(new Set(progress.map((step) => step.ThoiDiemXuLy)).size).toBe(3);
    // The newest step's record stayed: the late ones were never sent over it.
    const newest = String(mapWithSource('motcua', Buffer.from(JSON.stringify(third))).status);
    expect((await sut.portal.lookup(code))?.TrangThaiHoSo).toBe(newest);
    expect(held.statuses).toEqual([newest]);
  });

  it('keeps older steps of a dossier not at the portal yet waiting until its newest event is through', async () => {
    const events = dossierWithSteps(5200, Date.now() - 86_400_000, 3).slice(0, 3);
    const [first, second, third] = events.map((event) =>
      mapWithSource('motcua', Buffer.from(JSON.stringify(event))),
    );
    const code = first.dossierCode;
    // On the route topic as retries and rebalances can leave them: the newest first, then older ones.
    const route = (dossier: typeof first) =>
      publish(sut.topics.route('national-portal'), [{ key: code, value: JSON.stringify(dossier) }]);

    // The newest is tried and fails: its outcome is in doubt, and the dossier is not at the portal. The
    // older ones come when the portal answers again, long before the newest one's retry.
    await axios.post(`${sut.portal.baseUrl}/_sandbox/faults/outage`, { seconds: 1 });
    await route(third);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await route(first);
    await route(second);

    const held = await eventually(
      () => sut.portal.held(code).catch(() => ({ creates: 0, statuses: [] as string[], progress: [] })),
      (history) => history.progress.length >= 3,
      90_000,
    );
    expect(held.creates).toBe(1);
    expect(new Set((held.progress as PortalProgress[]).map((step) => step.ThoiDiemXuLy)).size).toBe(3);
    expect(held.statuses).toEqual([String(third.status)]);
  });
});
