import type { PeriodCounts } from './period-counts';
import { SCORING_TABLE, type ScoringItem } from './scoring-table';

/**
 * `measured`: scored from the period's dossiers. `no_data`: measurable, but the period has nothing to
 * measure (no dossier with fees, none settled): neither zero nor full marks. `not_measured`: needs data
 * Lienthong does not receive.
 */
export type ItemState = 'measured' | 'no_data' | 'not_measured';

export interface ItemScore {
  id: string;
  label: string;
  max: number;
  state: ItemState;
  rule: string;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  points: number | null;
}

export interface GroupScore {
  id: string;
  label: string;
  max: number;
  /** Points of the measured items (capped at the group's max); null when none is measured. */
  points: number | null;
  /** The most the measured items could give. */
  measuredMax: number;
  items: ItemScore[];
}

export interface Score {
  /** Points of every measured item. */
  points: number;
  measuredMax: number;
  /** points ÷ measuredMax, in percent: comparable between agencies whatever cannot be measured. */
  percent: number | null;
  groups: GroupScore[];
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function scoreItem(item: ScoringItem, counts: PeriodCounts): ItemScore {
  const base = { id: item.id, label: item.label, max: item.max, rule: item.rule };
  if (!item.rate) {
    return { ...base, state: 'not_measured', numerator: null, denominator: null, rate: null, points: null };
  }
  const { numerator, denominator } = item.rate(counts);
  if (denominator <= 0) {
    return { ...base, state: 'no_data', numerator, denominator, rate: null, points: null };
  }
  const rate = Math.min(1, Math.max(0, numerator / denominator));
  const points = item.max * Math.min(1, rate / (item.fullAt ?? 1));
  return { ...base, state: 'measured', numerator, denominator, rate: round(rate, 4), points: round(points) };
}

/** Scores one agency's (or the city's) period by the table. */
export function scorePeriod(counts: PeriodCounts): Score {
  const groups = SCORING_TABLE.map((group): GroupScore => {
    const items = group.items.map((item) => scoreItem(item, counts));
    const measured = items.filter((item) => item.state === 'measured');
    const measuredMax = Math.min(
      group.max,
      measured.reduce((sum, item) => sum + item.max, 0),
    );
    const points =
      measured.length > 0
        ? round(
            Math.min(
              group.max,
              measured.reduce((sum, item) => sum + item.points!, 0),
            ),
          )
        : null;
    return { id: group.id, label: group.label, max: group.max, points, measuredMax, items };
  });
  const points = round(groups.reduce((sum, group) => sum + (group.points ?? 0), 0));
  const measuredMax = groups.reduce((sum, group) => sum + group.measuredMax, 0);
  return {
    points,
    measuredMax,
    percent: measuredMax > 0 ? round((points / measuredMax) * 100, 1) : null,
    groups,
  };
}
