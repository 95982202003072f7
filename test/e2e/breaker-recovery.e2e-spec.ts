import axios from 'axios';
import { toPortalDossier } from '@lienthong/national-portal';
import { motcuaLifecycle } from '@lienthong/simulator';
import { eventually } from '../support/wait';
import { publish } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';
import { mapWithSource } from '../support/source-fixtures';

jest.setTimeout(180_000);

const DOSSIERS = 30;

/**
 * One attempt per delivery: every failed call parks its event at once, so when the circuit opens no
 * call is left in flight to try the target again. The breaker must still close when the target is back,
 * and every dossier be delivered.
 */
describe('circuit breaker recovery with one attempt per delivery', () => {
  let sut: LienthongHarness;

  beforeAll(async () => {
    sut = await new LienthongHarness().start({
      CONNECTOR_MAX_ATTEMPTS: '1',
      CONNECTOR_RETRY_DELAYS_S: '2,4,8',
      PORTAL_TIMEOUT_MS: '1000',
      CONNECTOR_BREAKER_WINDOW_MS: '2000',
      CONNECTOR_BREAKER_HALF_OPEN_MS: '1000',
    });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('closes again after a 10 s outage and delivers every dossier at its newest status', async () => {
    const lifecycles = Array.from({ length: DOSSIERS }, (_, index) =>
      motcuaLifecycle(7000 + index, Date.now() - 86_400_000),
    );
    await axios.post(`${sut.portal.baseUrl}/_sandbox/faults/outage`, { seconds: 10 });
    for (const events of lifecycles) {
      await publish(
        sut.topics.source('motcua'),
        events.map((event) => ({ key: event.hoSo.maHoSo, value: JSON.stringify(event) })),
      );
    }
    const metrics = () => axios.get<string>(`${sut.url('connector')}/metrics`).then(({ data }) => data);
    const breaker = (state: number) => (text: string) =>
      new RegExp(`lienthong_connector_breaker_state\\{[^}]*\\} ${state}`).test(text);
    expect(breaker(1)(await eventually(metrics, breaker(1), 15_000))).toBe(true);

    for (const events of lifecycles) {
      const newest = mapWithSource('motcua', Buffer.from(JSON.stringify(events.at(-1))));
      const status = toPortalDossier(newest).TrangThaiHoSo;
      const held = await eventually(
        () => sut.portal.lookup(newest.dossierCode).catch(() => undefined),
        (record) => record?.TrangThaiHoSo === status,
        90_000,
      );
      expect([newest.dossierCode, held?.TrangThaiHoSo]).toEqual([newest.dossierCode, status]);
    }
    expect(breaker(0)(await eventually(metrics, breaker(0), 15_000))).toBe(true);
  });
});
