import axios from 'axios';
import { motcuaLifecycle } from '@lienthong/simulator';
import { eventually } from '../support/wait';
import { publish, readTopic } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';

jest.setTimeout(120_000);

/**
 * An event waiting on a long retry level must not starve one due soon on a short level, even with one
 * partition handled at a time.
 */
describe('retry levels wait independently', () => {
  let sut: LienthongHarness;

  beforeAll(async () => {
    sut = await new LienthongHarness().start({
      CONNECTOR_MAX_ATTEMPTS: '1',
      CONNECTOR_RETRY_DELAYS_S: '2,600',
      CONNECTOR_PARTITIONS_AT_ONCE: '1',
      PORTAL_TIMEOUT_MS: '1000',
    });
  });

  afterAll(async () => {
    await sut?.close();
  });

  const faults = (rate: number) =>
    axios.put(`${sut.portal.baseUrl}/_sandbox/faults`, { rate, kinds: ['5xx'] });
  const send = async (serial: number) => {
    const [event] = motcuaLifecycle(serial, Date.now() - 86_400_000);
    await publish(sut.topics.source('motcua'), [{ key: event.hoSo.maHoSo, value: JSON.stringify(event) }]);
    return event.hoSo.maHoSo;
  };

  it('delivers an event due on level 1 while another waits its 10 minutes on level 2', async () => {
    await faults(1);
    await send(3300);
    // It fails, waits 2 s on level 1, fails again and goes to wait on level 2.
    const [waiting] = await readTopic(sut.topics.retry('national-portal', 2), 1, 30_000);
    expect(waiting).toBeDefined();

    const code = await send(3301);
    await readTopic(sut.topics.retry('national-portal', 1), 2, 30_000);
    await faults(0);
    const held = await eventually(
      () => sut.portal.lookup(code),
      (record) => record !== undefined,
      20_000,
    );
    expect(held?.MaHoSo).toBe(code);
  });
});
