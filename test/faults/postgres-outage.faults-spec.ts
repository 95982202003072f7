import { motcuaLifecycle } from '@lienthong/simulator';
import { expectEachDossierOnceAtNewestStatus, expectReady } from './faults-checks';
import { FAULTS_BROKERS, startFaultsBroker, stopFaultsBroker } from './faults-broker';
import { canControlPostgres, signalPostgres, startPostgres, stopPostgres } from './faults-postgres';
import { publish, readTopic, routedTo } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';

process.env.KAFKA_BROKERS = FAULTS_BROKERS;

jest.setTimeout(600_000);

const DOSSIERS = 80;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostgreSQL (the hub's state and the connector's ledger) goes down for 30 s, then hangs (SIGSTOP)
 * longer than a Kafka session, in the middle of the flow: nothing is lost, no dossier is routed twice
 * or created twice, and the apps report themselves ready again.
 */
(canControlPostgres ? describe : describe.skip)(
  'PostgreSQL down, then hanging, in the middle of the flow',
  () => {
    let sut: LienthongHarness;

    beforeAll(async () => {
      startFaultsBroker();
      sut = await new LienthongHarness().start({ CONNECTOR_BACKOFF_MAX_MS: '2000' });
    });

    afterAll(async () => {
      signalPostgres('CONT');
      startPostgres();
      await sut?.close();
      stopFaultsBroker();
    });

    it('loses nothing, routes nothing twice and creates every dossier once', async () => {
      const lifecycles = Array.from({ length: DOSSIERS }, (_, index) =>
        motcuaLifecycle(32_000 + index, Date.now() - 86_400_000),
      );
      const steps = Math.max(...lifecycles.map((events) => events.length));
      for (let step = 0; step < steps; step++) {
        await publish(
          sut.topics.source('motcua'),
          lifecycles.flatMap((events) =>
            events
              .slice(step, step + 1)
              .map((event) => ({ key: event.hoSo.maHoSo, value: JSON.stringify(event) })),
          ),
        );
        if (step === 1) {
          await sleep(300);
          stopPostgres();
          await sleep(30_000);
          startPostgres();
        }
        if (step === 3) {
          await sleep(300);
          signalPostgres('STOP');
          await sleep(40_000);
          signalPostgres('CONT');
        }
      }

      const events = lifecycles.flat().length;
      await expectEachDossierOnceAtNewestStatus(sut, lifecycles, 240_000);
      // Exactly one routed message per source event: nothing lost, nothing routed twice.
      const written = await readTopic(sut.topics.dossier, events + 1, 20_000);
      const routed = written.filter(routedTo('national-portal'));
      const ids = routed.map((message) => message.headers.ce_id);
      expect(ids).toHaveLength(events);
      expect(new Set(ids).size).toBe(events);
      await expectReady(sut, ['hub', 'connector']);
    });
  },
);
