import type { IncomingRecord } from '@lienthong/kafka';
import type { DossierEvent } from '@lienthong/schemas';
import type { DossierAtTarget } from '../delivery-ledger';
import { eventId, type DossierRecord } from '../dossier-record';
import { routedDossierEvents } from '../intake';
import { planDeliveries, type DeliveryPlan } from './plan-deliveries';

/**
 * Events are named by label: `A3` is dossier A's event of sequence 3; `A3b` another event (another id)
 * of the same sequence. The same label twice in a batch is two copies of one event.
 */
function event(label: string, offset: number): DossierRecord {
  const [, dossier, sequence] = /^([A-Z])(\d+)[a-z]?$/.exec(label) ?? [];
  const record: IncomingRecord = {
    topic: 'route.national-portal.v1',
    partition: 0,
    offset: String(offset),
    key: null,
    value: null,
    headers: {},
    timestamp: '0',
  };
  const provenance = {
    sourceSystem: 'motcua',
    sourceEventId: label,
    eventTime: '',
    sequence: Number(sequence),
  };
  const item = { dossierCode: dossier, status: 1, provenance } as unknown as DossierEvent;
  return { record, item, key: routedDossierEvents('pseudonym', {}).keyOf(item) };
}

const label = ({ key }: DossierRecord) => key.sourceEventId;

/** A dossier at the target: the sequence it holds (if any), whether it was created, the newest attempted. */
interface AtTarget {
  holds?: number;
  created?: boolean;
  attempted?: number;
}

const atTarget = ({ holds, created = true, attempted }: AtTarget): DossierAtTarget => ({
  attempted: attempted ?? holds ?? 0,
  previous: holds === undefined ? undefined : { lastSequence: holds, status: 1, created, record: null },
});

interface Row {
  batch: string[];
  handled?: string[];
  target?: Record<string, AtTarget>;
  addsToStale?: boolean;
  /** Each dossier's events to deliver, and `over n` the sequence the target holds. */
  deliver?: string[];
  stale?: string[][];
  early?: string[];
  duplicates?: string[];
}

function sut(row: Row): DeliveryPlan<DossierEvent> {
  const batch = row.batch.map(event);
  const handled = new Set((row.handled ?? []).map((handledLabel) => eventId(event(handledLabel, 0).key)));
  const target = new Map(Object.entries(row.target ?? {}).map(([code, state]) => [code, atTarget(state)]));
  return planDeliveries(batch, { handled, atTarget: target }, { addsToStale: row.addsToStale ?? true });
}

const described = (plan: DeliveryPlan<DossierEvent>) => ({
  deliver: plan.deliver.map(
    ({ events, previous }) =>
      events.map(label).join(',') + (previous ? ` over ${previous.lastSequence}` : ''),
  ),
  stale: plan.stale.map((events) => events.map(label)),
  early: plan.early.map(label),
  duplicates: plan.duplicates.map(label),
});

describe(planDeliveries.name, () => {
  it.each<[string, Row]>([
    ['a new dossier’s event is delivered', { batch: ['A1'], deliver: ['A1'] }],
    [
      'a dossier’s new events go together in sequence order, whatever the batch order',
      { batch: ['A3', 'A1', 'A2'], deliver: ['A1,A2,A3'] },
    ],
    [
      'dossiers go in the order the batch first names them',
      { batch: ['B1', 'A1', 'B2'], deliver: ['B1,B2', 'A1'] },
    ],
    [
      'a newer event goes over what the target holds',
      { batch: ['A3'], target: { A: { holds: 2 } }, deliver: ['A3 over 2'] },
    ],
    [
      'a replayed event handled before is a duplicate',
      { batch: ['A1'], handled: ['A1'], target: { A: { holds: 1 } }, duplicates: ['A1'] },
    ],
    [
      'copies of one event in one batch: one is delivered, the others are duplicates',
      { batch: ['A1', 'A1', 'A1'], deliver: ['A1'], duplicates: ['A1', 'A1'] },
    ],
    [
      'copies of an event handled before are all duplicates',
      { batch: ['A2', 'A2'], handled: ['A2'], target: { A: { holds: 2 } }, duplicates: ['A2', 'A2'] },
    ],
    [
      'copies of an older event in one batch add their step once',
      { batch: ['A1', 'A1'], target: { A: { holds: 2 } }, stale: [['A1']], duplicates: ['A1'] },
    ],
    [
      'a handled event and a new one of the same dossier: only the new one goes',
      {
        batch: ['A1', 'A2'],
        handled: ['A1'],
        target: { A: { holds: 1 } },
        deliver: ['A2 over 1'],
        duplicates: ['A1'],
      },
    ],
    [
      'an event older than what the target holds is stale',
      { batch: ['A1'], target: { A: { holds: 2 } }, stale: [['A1']] },
    ],
    [
      'another event of the sequence the target holds is stale',
      { batch: ['A2b'], target: { A: { holds: 2 } }, stale: [['A2b']] },
    ],
    [
      'a parked step back from its retry topic after a newer one got through is stale',
      { batch: ['A2'], target: { A: { holds: 3 } }, stale: [['A2']] },
    ],
    [
      'older and newer events of one dossier: the older stale, the newer delivered',
      { batch: ['A3', 'A1'], target: { A: { holds: 2 } }, deliver: ['A3 over 2'], stale: [['A1']] },
    ],
    [
      'stale steps come grouped by dossier, in batch order',
      {
        batch: ['A1', 'B1', 'A2'],
        target: { A: { holds: 3 }, B: { holds: 2 } },
        stale: [['A1', 'A2'], ['B1']],
      },
    ],
    [
      'an event older than one in doubt (its answer lost) of a dossier at the target is stale',
      { batch: ['A2'], target: { A: { holds: 1, attempted: 3 } }, stale: [['A2']] },
    ],
    [
      'the event in doubt itself, back for a retry, is delivered',
      { batch: ['A3'], target: { A: { holds: 1, attempted: 3 } }, deliver: ['A3 over 1'] },
    ],
    [
      'older steps of a dossier not at the target yet, its newer event in doubt, wait',
      { batch: ['A1', 'A2'], target: { A: { attempted: 3 } }, early: ['A1', 'A2'] },
    ],
    [
      'the event in doubt back in the same batch as older steps: it is delivered, they wait',
      { batch: ['A3', 'A1'], target: { A: { attempted: 3 } }, deliver: ['A3'], early: ['A1'] },
    ],
    [
      'older steps of a dossier the target knows but has not created wait',
      { batch: ['A1'], target: { A: { holds: 2, created: false } }, early: ['A1'] },
    ],
    [
      'a connector that adds nothing of older events notes them stale, even for a dossier not there yet',
      { batch: ['A1'], target: { A: { attempted: 3 } }, addsToStale: false, stale: [['A1']] },
    ],
    [
      'a dead-lettered event replayed (the ledger does not count it handled) is delivered again',
      { batch: ['A2'], target: { A: { holds: 1 } }, deliver: ['A2 over 1'] },
    ],
  ])('%s', (_, row) => {
    expect(described(sut(row))).toEqual({
      deliver: row.deliver ?? [],
      stale: row.stale ?? [],
      early: row.early ?? [],
      duplicates: row.duplicates ?? [],
    });
  });

  it('delivers the first copy of an event and leaves what the ledger said untouched', () => {
    const batch = ['A1', 'A1'].map(event);
    const handled = new Set<string>();
    const plan = planDeliveries(batch, { handled, atTarget: new Map() }, { addsToStale: true });
    expect(plan.deliver[0].events[0]).toBe(batch[0]);
    expect(plan.duplicates).toEqual([batch[1]]);
    expect(handled.size).toBe(0);
  });
});
