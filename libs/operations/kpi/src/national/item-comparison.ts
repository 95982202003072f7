import { SCORE_ENDPOINTS, type ScoreEndpoint, type StoredScore } from '@lienthong/national-score';
import type { ItemScore, Score } from '../score';
import {
  GROUP_CODES,
  SCORING_TABLE,
  type NationalGroupCode,
  type ScoringGroup,
  type ScoringItem,
} from '../scoring-table';

/** One side's numbers of one item. */
export interface ItemNumbers {
  numerator: number | null;
  denominator: number | null;
  score: number | null;
  maxScore: number;
}

export interface ItemComparison {
  group: NationalGroupCode;
  code: string;
  name: string;
  national: ItemNumbers | null;
  own: ItemNumbers | null;
  /** National score − Lienthong's, when both sides measure the item. */
  drift: number | null;
}

export type GroupScores = Record<NationalGroupCode, number | null>;

export interface Comparison {
  items: ItemComparison[];
  own: { totalScore: number | null; groups: GroupScores };
  drift: { totalScore: number | null; groups: GroupScores };
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const asNumber = (value: unknown): number | null => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
};
const ENDPOINT_OF = Object.fromEntries(
  (Object.entries(SCORE_ENDPOINTS) as [ScoreEndpoint, { group: string }][]).map(([endpoint, { group }]) => [
    group,
    endpoint,
  ]),
) as Record<NationalGroupCode, ScoreEndpoint>;

/** An item's points from a numerator and a denominator, by the table's rule. */
export function itemPoints(item: ScoringItem, numerator: number, denominator: number): number {
  const rate = Math.min(1, Math.max(0, numerator / denominator));
  return round2(item.max * Math.min(1, rate / (item.fullAt ?? 1)));
}

/**
 * The national numbers of an item: its metric as published, or the two parameters of its group's tree
 * endpoint scored by the table (the tree endpoints publish no per-item score).
 */
export function nationalNumbers(
  group: ScoringGroup,
  item: ScoringItem,
  score: StoredScore,
): ItemNumbers | null {
  const source = item.national;
  if (!source) return null;
  if ('metric' in source) {
    const metric = score.metrics.find((m) => m.group === group.code && String(m.code) === source.metric);
    if (!metric) return null;
    return {
      numerator: asNumber(metric.numerator),
      denominator: asNumber(metric.denominator),
      score: asNumber(metric.score),
      maxScore: asNumber(metric.maxScore) ?? item.max,
    };
  }
  const parameters = score.parameters[ENDPOINT_OF[group.code]] ?? {};
  const numerator = asNumber(parameters[source.numerator]);
  const denominator = asNumber(parameters[source.denominator]);
  if (numerator === null || denominator === null) return null;
  return {
    numerator,
    denominator,
    score: denominator > 0 ? itemPoints(item, numerator, denominator) : null,
    maxScore: item.max,
  };
}

function ownNumbers(item: ItemScore): ItemNumbers | null {
  if (item.state === 'not_measured') return null;
  return {
    numerator: item.numerator === null ? null : round2(item.numerator),
    denominator: item.denominator,
    score: item.points,
    maxScore: item.max,
  };
}

const groupRecord = (value: (code: NationalGroupCode) => number | null): GroupScores =>
  Object.fromEntries(GROUP_CODES.map((code) => [code, value(code)])) as GroupScores;

/**
 * Lienthong's reckoning beside the nation's, item by item. An item's drift is the table's points from
 * the national numerator and denominator less those from Lienthong's, where both sides measure it: a
 * difference of data, read by one rule. A group's drift is the sum of its items'; Lienthong's own group
 * score is the national one less that drift (what the nation would publish from Lienthong's dossiers),
 * so items Lienthong cannot measure count as the nation counts them. Without a national score, Lienthong's
 * own points stand alone and nothing drifts.
 */
export function compareScores(own: Score, national: StoredScore | null): Comparison {
  const items: ItemComparison[] = [];
  const driftGroups = groupRecord(() => null);
  const ownGroups = groupRecord(() => null);
  for (const group of SCORING_TABLE) {
    const measured = own.groups.find((candidate) => candidate.id === group.id)!;
    let drift = 0;
    for (const item of group.items) {
      const mine = ownNumbers(measured.items.find((candidate) => candidate.id === item.id)!);
      const theirs = national && nationalNumbers(group, item, national);
      const comparable =
        mine?.score != null &&
        theirs?.numerator != null &&
        theirs.denominator != null &&
        theirs.denominator > 0;
      const itemDrift = comparable
        ? round2(itemPoints(item, theirs.numerator!, theirs.denominator!) - mine.score!)
        : null;
      drift += itemDrift ?? 0;
      items.push({
        group: group.code,
        code: item.id,
        name: item.label,
        national: theirs ?? null,
        own: mine,
        drift: itemDrift,
      });
    }
    const published = national?.groups[group.code]?.score;
    if (national) {
      driftGroups[group.code] = round2(drift);
      ownGroups[group.code] = published == null ? null : round2(published - drift);
    } else {
      ownGroups[group.code] = measured.points;
    }
  }
  const sum = (groups: GroupScores) =>
    round2(GROUP_CODES.reduce((total, code) => total + (groups[code] ?? 0), 0));
  if (!national) {
    return {
      items,
      own: { totalScore: own.points, groups: ownGroups },
      drift: { totalScore: null, groups: driftGroups },
    };
  }
  const driftTotal = sum(driftGroups);
  return {
    items,
    own: {
      totalScore: national.totalScore == null ? sum(ownGroups) : round2(national.totalScore - driftTotal),
      groups: ownGroups,
    },
    drift: { totalScore: driftTotal, groups: driftGroups },
  };
}
