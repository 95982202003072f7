import { applyEvent, isOnTime, type DossierFacts } from '@lienthong/kpi';
import { mapSourceEvent, MotcuaMapper } from '@lienthong/sources';
import { seededRandom } from './citizen-registry';
import { motcuaLifecycle } from './motcua-lifecycle';
import { SIMULATED_SYSTEMS } from './source-formats';

/**
 * 2,000 simulated dossiers of the three sector systems (in the one-stop form) received 40 days ago,
 * folded the way the KPI projection folds them.
 */
function simulatedFacts(): DossierFacts[] {
  const random = seededRandom(766);
  const mapper = new MotcuaMapper();
  const start = Date.parse('2026-01-05T08:00:00+07:00');
  return Array.from({ length: 2000 }, (_, index) => {
    let facts: DossierFacts | undefined;
    const { system } = SIMULATED_SYSTEMS[index % SIMULATED_SYSTEMS.length];
    for (const event of motcuaLifecycle(index + 1, start, random, system)) {
      const result = mapSourceEvent(mapper, Buffer.from(JSON.stringify(event)));
      if (!result.ok) throw new Error(result.rejection.message);
      facts = applyEvent(facts, result.dossier);
    }
    return facts!;
  });
}

describe(motcuaLifecycle.name, () => {
  const dossiers = simulatedFacts();
  const judgeAt = Date.parse('2026-02-15T00:00:00+07:00');
  const share = (picked: DossierFacts[], of: DossierFacts[] = dossiers) => picked.length / of.length;
  const onTimeRate = (agencyCode: string) => {
    const own = dossiers.filter((dossier) => dossier.agencyCode === agencyCode);
    return share(
      own.filter((dossier) => isOnTime(dossier, judgeAt)),
      own,
    );
  };

  it('makes a slow agency late more often than the others, and most dossiers on time', () => {
    expect(onTimeRate('000.00.40.H26')).toBeLessThan(onTimeRate('000.00.12.H26') - 0.1);
    expect(share(dossiers.filter((dossier) => isOnTime(dossier, judgeAt)))).toBeGreaterThan(0.7);
  });

  it('pays some fees online and some at the counter', () => {
    const withFees = dossiers.filter((dossier) => dossier.hasFees);
    const paidOnline = share(
      withFees.filter((dossier) => dossier.paidOnline),
      withFees,
    );
    expect(paidOnline).toBeGreaterThan(0.3);
    expect(paidOnline).toBeLessThan(0.7);
  });

  it('asks for supplements, sometimes twice, and leaves some dossiers in process', () => {
    expect(share(dossiers.filter((dossier) => dossier.supplementRequests === 1))).toBeGreaterThan(0.05);
    expect(
      dossiers.some((dossier) => dossier.supplementRequests === 2 && dossier.supplementEntries === 2),
    ).toBe(true);
    expect(share(dossiers.filter((dossier) => dossier.status === 4))).toBeGreaterThan(0.02);
  });

  it('collects ratings once results are returned, a few of them "không hài lòng"', () => {
    const rated = dossiers.filter((dossier) => dossier.rating !== null);
    expect(rated.every((dossier) => dossier.returnedAt !== null)).toBe(true);
    expect(share(rated)).toBeGreaterThan(0.4);
    expect(rated.some((dossier) => dossier.rating === 'not_satisfied')).toBe(true);
  });
});
