import { Topics } from '@lienthong/kafka';
import type { DossierEvent } from '@lienthong/schemas';
import {
  dayOf,
  decodeDossierState,
  encodeDossierState,
  eventHash,
  HubStateStore,
  type DossierState,
} from './hub-state';

const topic = new Topics('').hubState;
const DAY_MS = 24 * 3600 * 1000;
const TODAY = dayOf(Date.parse('2026-12-06T12:00:00Z'));

/** Just what the state reads of a dossier event. */
const event = (code: string, id: string, sequence: number, status = sequence) =>
  ({
    dossierCode: code,
    status,
    provenance: { sourceSystem: 'motcua', sourceEventId: id, sequence },
  }) as unknown as DossierEvent;

const stateRecord = (key: string, state: DossierState | null) => ({
  key,
  value: state && encodeDossierState(state),
});

describe(HubStateStore.name, () => {
  let now: number;
  let sut: HubStateStore;

  beforeEach(() => {
    now = TODAY * DAY_MS;
    sut = new HubStateStore(topic, () => now);
  });

  describe('the changelog value', () => {
    it('comes back as it was written, the largest 52-bit hash and any sequence included', () => {
      const state = {
        lastSequence: 1_733_456_789_012,
        status: 10,
        day: TODAY,
        events: [0, 2 ** 52 - 1, 12345],
      };
      expect(decodeDossierState(encodeDossierState(state))).toEqual(state);
      expect(encodeDossierState(state)).toHaveLength(17 + 3 * 7);
    });

    it('hashes event ids to whole numbers below 2^52, the same id to the same number', () => {
      const hashes = ['motcua:a', 'motcua:b', 'hotich:a'].map(eventHash);
      for (const hash of hashes) {
        expect(Number.isSafeInteger(hash)).toBe(true);
        expect(hash).toBeLessThan(2 ** 52);
      }
      expect(new Set(hashes).size).toBe(3);
      expect(eventHash('motcua:a')).toBe(hashes[0]);
    });

    it('refuses bytes that are not a state of its format', () => {
      expect(() => decodeDossierState(Buffer.from('{"lastSequence":3}'))).toThrow(/not a hub state/);
    });
  });

  describe('applying the changelog', () => {
    const older = { lastSequence: 2, status: 2, day: TODAY - 1, events: [1, 2] };
    const newer = { lastSequence: 3, status: 4, day: TODAY, events: [1, 2, 3] };

    it('ends the same whatever the order and however often a record comes', () => {
      sut.applyChangelog([stateRecord('D', newer), stateRecord('D', older), stateRecord('D', newer)]);
      expect(sut.get('D')).toEqual(newer);
    });

    it('unites the event ids two replicas wrote and keeps the status of the highest sequence', () => {
      sut.applyChangelog([
        stateRecord('D', { lastSequence: 5, status: 5, day: TODAY - 2, events: [1, 5] }),
        stateRecord('D', { lastSequence: 4, status: 4, day: TODAY, events: [1, 4] }),
      ]);
      expect(sut.get('D')).toEqual({ lastSequence: 5, status: 5, day: TODAY, events: [1, 5, 4] });
    });

    it('forgets a dossier on a tombstone', () => {
      sut.applyChangelog([stateRecord('D', newer), stateRecord('E', older), stateRecord('D', null)]);
      expect(sut.get('D')).toBeUndefined();
      expect(sut.size).toBe(1);
    });
  });

  describe('a batch', () => {
    it('finds duplicates and stale events against the store and its own earlier events', async () => {
      sut.applyChangelog([
        stateRecord('D', { lastSequence: 3, status: 3, day: TODAY - 9, events: [eventHash('motcua/3')] }),
      ]);
      const batch = await sut.begin(['D', 'E']);
      expect(
        [
          event('D', '3', 3),
          event('D', '2', 2),
          event('D', '4', 4),
          event('D', '4', 4),
          event('E', '1', 1),
          event('D', '2', 2),
        ].map((dossier) => batch.decide(dossier)),
      ).toEqual(['duplicate', 'stale', 'applied', 'duplicate', 'applied', 'duplicate']);
      expect(batch.changelog().map(({ key, value }) => [key, decodeDossierState(value as Buffer)])).toEqual([
        [
          'D',
          {
            lastSequence: 4,
            status: 4,
            day: TODAY,
            events: ['3', '2', '4'].map((id) => eventHash(`motcua/${id}`)),
          },
        ],
        ['E', { lastSequence: 1, status: 1, day: TODAY, events: [eventHash('motcua/1')] }],
      ]);
      expect(sut.get('D')?.lastSequence).toBe(3);
      batch.commit();
      expect(sut.get('D')?.lastSequence).toBe(4);
      expect(sut.size).toBe(2);
    });

    it('changes nothing when abandoned, and writes no record when it changed nothing', async () => {
      const first = await sut.begin(['D']);
      first.decide(event('D', '1', 1));
      first.abandon();
      expect(sut.size).toBe(0);
      const second = await sut.begin([]);
      expect(second.changelog()).toEqual([]);
    });

    it('waits for another batch of the same dossier to settle, not for one of other dossiers', async () => {
      const first = await sut.begin(['D']);
      let secondBegun = false;
      const second = sut.begin(['E', 'D']).then((batch) => ((secondBegun = true), batch));
      await sut.begin(['F']);
      expect(secondBegun).toBe(false);
      first.decide(event('D', '1', 1));
      first.commit();
      expect((await second).decide(event('D', '1', 1))).toBe('duplicate');
    });
  });

  describe('retention', () => {
    it('selects the dossiers untouched for longer than the window, and none a batch works on', async () => {
      sut.applyChangelog([
        stateRecord('old', { lastSequence: 1, status: 1, day: TODAY - 181, events: [1] }),
        stateRecord('busy', { lastSequence: 1, status: 1, day: TODAY - 200, events: [1] }),
        stateRecord('edge', { lastSequence: 1, status: 1, day: TODAY - 180, events: [1] }),
        stateRecord('new', { lastSequence: 1, status: 1, day: TODAY, events: [1] }),
      ]);
      const batch = await sut.begin(['busy']);
      expect(sut.expired(180)).toEqual(['old']);
      batch.abandon();
      expect(sut.expired(180).sort()).toEqual(['busy', 'old']);
      now += DAY_MS;
      expect(sut.expired(180).sort()).toEqual(['busy', 'edge', 'old']);
      sut.forget(['busy', 'old']);
      expect(sut.size).toBe(2);
    });
  });
});
