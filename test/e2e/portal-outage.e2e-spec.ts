import axios from 'axios';
import { toPortalDossier } from '@lienthong/national-portal';
import { motcuaLifecycle } from '@lienthong/simulator';
import { mapSourceEvent, MotcuaMapper } from '@lienthong/sources';
import { LienthongHarness } from '../support/lienthong-harness';
import { eventually } from '../support/wait';
import { publish } from '../support/kafka-client';

jest.setTimeout(180_000);

const DOSSIERS = 40;

/** The portal goes fully down while dossiers flow: the connector waits with its circuit open, then delivers everything once. */
describe('national-portal connector through a portal outage, on the real broker', () => {
  let sut: LienthongHarness;

  beforeAll(async () => {
    sut = await new LienthongHarness().start({
      PORTAL_TIMEOUT_MS: '1000',
      CONNECTOR_BACKOFF_MAX_MS: '1000',
      CONNECTOR_BREAKER_WINDOW_MS: '2000',
      CONNECTOR_BREAKER_HALF_OPEN_MS: '1000',
    });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('pauses while the portal is down and then delivers every dossier once, at its newest status', async () => {
    const lifecycles = Array.from({ length: DOSSIERS }, (_, index) =>
      motcuaLifecycle(9000 + index, Date.now() - 86_400_000),
    );
    const finalStatus = new Map(
      lifecycles.map((events) => {
        const last = mapSourceEvent(new MotcuaMapper(), Buffer.from(JSON.stringify(events.at(-1))));
        if (!last.ok) throw new Error(last.rejection.message);
        return [last.dossier.dossierCode, toPortalDossier(last.dossier).TrangThaiHoSo];
      }),
    );
    await axios.post(`${sut.portal.baseUrl}/_sandbox/faults/outage`, { seconds: 8 });
    for (const events of lifecycles) {
      await publish(
        sut.topics.source('motcua'),
        events.map((event) => ({ key: event.hoSo.maHoSo, value: JSON.stringify(event) })),
      );
    }

    const metrics = () => axios.get<string>(`${sut.url('connector')}/metrics`).then(({ data }) => data);
    const opened = await eventually(
      metrics,
      (text) => /lienthong_connector_breaker_state\{[^}]*\} 1/.test(text),
      15_000,
    );
    expect(opened).toMatch(/lienthong_connector_breaker_state\{[^}]*\} 1/);

    for (const [code, status] of finalStatus) {
      const held = await eventually(
        () => sut.portal.lookup(code).catch(() => undefined),
        (record) => record?.TrangThaiHoSo === status,
        60_000,
      );
      expect([code, held?.TrangThaiHoSo]).toEqual([code, status]);
      expect((await sut.portal.held(code)).creates).toBe(1);
    }
    expect(await metrics()).toMatch(/lienthong_connector_breaker_state\{[^}]*\} 0/);
  });
});
