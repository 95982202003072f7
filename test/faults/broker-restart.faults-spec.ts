import { motcuaLifecycle } from '@lienthong/simulator';
import { expectEachDossierOnceAtNewestStatus, expectReady } from './faults-checks';
import { FAULTS_BROKERS, startFaultsBroker, stopFaultsBroker } from './faults-broker';

// Every client of this file (the apps and the test's own) talks to the fault tests' broker.
process.env.KAFKA_BROKERS = FAULTS_BROKERS;

import { publish } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';

jest.setTimeout(600_000);

const DOSSIERS = 120;
const OUTAGE_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The broker goes away for a minute in the middle of the hub's transactions and the connector's
 * deliveries: everything resumes by itself, and every dossier reaches the portal once at its newest
 * status. The apps report themselves ready again.
 */
describe('a broker restart in the middle of the flow', () => {
  let sut: LienthongHarness;

  beforeAll(async () => {
    startFaultsBroker();
    sut = await new LienthongHarness().start({ CONNECTOR_BACKOFF_MAX_MS: '2000' });
  });

  afterAll(async () => {
    await sut?.close();
    stopFaultsBroker();
  });

  it('resumes by itself and delivers every dossier once, at its newest status', async () => {
    const lifecycles = Array.from({ length: DOSSIERS }, (_, index) =>
      motcuaLifecycle(31_000 + index, Date.now() - 86_400_000),
    );
    // Each step of every dossier in turn, so the broker stops while dossiers are half-way.
    const steps = Math.max(...lifecycles.map((events) => events.length));
    let stopped = false;
    for (let step = 0; step < steps; step++) {
      const events = lifecycles.flatMap((lifecycle) => lifecycle.slice(step, step + 1));
      await publishUntilAccepted(
        events.map((event) => ({ key: event.hoSo.maHoSo, value: JSON.stringify(event) })),
      );
      if (step === 1 && !stopped) {
        await sleep(500);
        stopFaultsBroker();
        stopped = true;
        await sleep(OUTAGE_MS);
        startFaultsBroker();
      }
    }

    await expectEachDossierOnceAtNewestStatus(sut, lifecycles, 180_000);
    await expectReady(sut, ['hub', 'connector']);
  });

  /** A sector system keeps trying while the broker is away. */
  async function publishUntilAccepted(messages: { key: string; value: string }[]): Promise<void> {
    for (;;) {
      try {
        await publish(sut.topics.source('motcua'), messages);
        return;
      } catch {
        await sleep(2_000);
      }
    }
  }
});
