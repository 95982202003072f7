import axios from 'axios';
import { motcuaLifecycle } from '@lienthong/simulator';
import { eventually } from '../support/wait';
import { publish } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';
import { mapWithSource } from '../support/source-fixtures';

jest.setTimeout(180_000);

const DOSSIERS = 30;

/** Whether `given` goes only forward along `lifecycle` (repeats allowed): no status ever went back. */
function onlyForward(given: string[], lifecycle: string[]): boolean {
  let position = 0;
  for (const status of given) {
    const found = lifecycle.indexOf(status, position);
    if (found < 0) return false;
    position = found;
  }
  return true;
}

/**
 * The hardest fault: the portal applies a call and the connection drops before its answer. The
 * connector cannot tell; trying again must never create a dossier twice nor send a status backwards.
 */
describe('answers lost after the portal applied the call', () => {
  let sut: LienthongHarness;

  beforeAll(async () => {
    sut = await new LienthongHarness().start({
      PORTAL_SANDBOX_FAULTS: JSON.stringify({ rate: 0.3, kinds: ['lost-answer'] }),
      CONNECTOR_BACKOFF_INITIAL_MS: '50',
      CONNECTOR_BACKOFF_MAX_MS: '500',
    });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('creates every dossier once, at its newest status, its statuses only going forward', async () => {
    const lifecycles = Array.from({ length: DOSSIERS }, (_, index) =>
      motcuaLifecycle(4100 + index, Date.now() - 86_400_000),
    );
    for (const events of lifecycles) {
      await publish(
        sut.topics.source('motcua'),
        events.map((event) => ({ key: event.hoSo.maHoSo, value: JSON.stringify(event) })),
      );
    }
    for (const events of lifecycles) {
      const code = events[0].hoSo.maHoSo;
      const statuses = events.map((event) =>
        String(mapWithSource('motcua', Buffer.from(JSON.stringify(event))).status),
      );
      const held = await eventually(
        () => sut.portal.held(code).catch(() => undefined),
        (history) => history?.statuses.at(-1) === statuses.at(-1),
        60_000,
      );
      expect({ code, creates: held?.creates, forward: onlyForward(held?.statuses ?? [], statuses) }).toEqual({
        code,
        creates: 1,
        forward: true,
      });
    }
    const { data: faults } = await axios.get<{ injected: Record<string, number> }>(
      `${sut.portal.baseUrl}/_sandbox/faults`,
    );
    expect(faults.injected['lost-answer']).toBeGreaterThan(0);
  });
});
