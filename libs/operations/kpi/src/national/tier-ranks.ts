/** Ranks by score, highest first; equal scores share a rank; no score, no rank. */
export function ranks<T>(items: T[], score: (item: T) => number | null): Map<T, number> {
  const sorted = items.filter((item) => score(item) !== null).sort((a, b) => score(b)! - score(a)!);
  return new Map(sorted.map((item) => [item, 1 + sorted.findIndex((other) => score(other) === score(item))]));
}

/**
 * Ranks within each tier (the nation ranks provincial departments and communes/wards apart): an item
 * of no known tier gets no rank, as it has no peers to be ranked among.
 */
export function ranksWithinTiers<T>(
  items: T[],
  tier: (item: T) => string | null,
  score: (item: T) => number | null,
): Map<T, number> {
  const all = new Map<T, number>();
  const tiers = new Set(items.map(tier).filter((name) => name !== null));
  for (const name of tiers) {
    for (const [item, rank] of ranks(
      items.filter((item) => tier(item) === name),
      score,
    )) {
      all.set(item, rank);
    }
  }
  return all;
}
