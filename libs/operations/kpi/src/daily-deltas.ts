import type { DossierFacts } from './dossier-facts';
import { COUNTER_NAMES, contribution, localDay, type DailyCounters, zeroCounters } from './period-counts';

/** How a batch of changed dossiers moves the sums: what is added to each row of kpi_daily and its rollups. */

type DeltaKey = `${string}|${string}|${string}`;

/** What a batch changed in kpi_daily: each dossier's new share less its old one. */
export function dailyDeltas(changes: { before?: DossierFacts; after: DossierFacts }[]) {
  const deltas = new Map<DeltaKey, DailyCounters>();
  const add = (facts: DossierFacts, sign: 1 | -1) => {
    const key: DeltaKey = `${localDay(facts.receivedAt)}|${facts.agencyCode}|${facts.procedureCode}`;
    const share = contribution(facts);
    const delta = deltas.get(key) ?? zeroCounters();
    for (const name of COUNTER_NAMES) delta[name] += sign * share[name];
    deltas.set(key, delta);
  };
  for (const { before, after } of changes) {
    if (before) add(before, -1);
    add(after, 1);
  }
  // Sorted, so concurrent batches lock the rows they share in one order (no deadlock).
  return [...deltas]
    .filter(([, delta]) => COUNTER_NAMES.some((name) => delta[name] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, delta]) => {
      const [day, agencyCode, procedureCode] = key.split('|');
      return { day, agencyCode, procedureCode, delta };
    });
}

/** Deltas summed under a coarser key (a month, or no procedure), in key order. */
export function merged(
  deltas: ReturnType<typeof dailyDeltas>,
  coarser: (delta: ReturnType<typeof dailyDeltas>[number]) => ReturnType<typeof dailyDeltas>[number],
): ReturnType<typeof dailyDeltas> {
  const sums = new Map<string, ReturnType<typeof dailyDeltas>[number]>();
  for (const delta of deltas) {
    const key = coarser(delta);
    const id = `${key.day}|${key.agencyCode}|${key.procedureCode}`;
    const sum = sums.get(id) ?? { ...key, delta: zeroCounters() };
    for (const name of COUNTER_NAMES) sum.delta[name] += delta.delta[name];
    sums.set(id, sum);
  }
  return [...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, sum]) => sum);
}
