import { toPortalDossier } from '@lienthong/national-portal';
import type { DossierEvent } from '@lienthong/schemas';
import { mixedEvents, type GeneratedEvent } from '@lienthong/simulator';
import { eventually } from '../support/wait';
import { publish } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';
import { newestByDossier } from '../support/source-fixtures';

jest.setTimeout(300_000);

const EVENTS = 600;

/**
 * A recovering source sends its events again onto topics that already hold them, while Lienthong's
 * database was restored empty (behind Kafka's committed offsets): every dossier must still reach the
 * portal with its newest status, created once.
 */
describe('events sent again onto topics that hold them, with a fresh database', () => {
  let sut: LienthongHarness;

  beforeAll(async () => {
    sut = await new LienthongHarness().start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  const publishAll = async (events: GeneratedEvent[]) => {
    for (const event of events) {
      await publish(event.topic, [{ key: event.key, value: Buffer.from(event.value) }]);
    }
  };

  const allAtPortal = async (dossiers: DossierEvent[]) => {
    const wrong: string[] = [];
    for (const dossier of dossiers) {
      const expected = toPortalDossier(dossier).TrangThaiHoSo;
      const held = await eventually(
        () => sut.portal.lookup(dossier.dossierCode),
        (record) => record?.TrangThaiHoSo === expected,
        30_000,
      );
      if (held?.TrangThaiHoSo !== expected)
        wrong.push(`${dossier.dossierCode}: ${held?.TrangThaiHoSo ?? 'missing'} ≠ ${expected}`);
    }
    return wrong;
  };

  it('delivers every dossier again, once, after the database is dropped and the same events are re-sent', async () => {
    const events = [...mixedEvents(EVENTS, (system) => sut.topics.source(system))];
    const dossiers = newestByDossier(events);
    await publishAll(events);
    expect(await allAtPortal(dossiers)).toEqual([]);

    await sut.restartPipeline({}, { freshDatabase: true });
    await publishAll(events);
    expect(await allAtPortal(dossiers)).toEqual([]);
    for (const dossier of dossiers) {
      expect((await sut.portal.held(dossier.dossierCode)).creates).toBe(1);
    }
  });
});
