import type { TimeType } from './score-api.contract';

/** Portal times are `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh, which keeps UTC+7 all year. */
const VIETNAM_OFFSET_HOURS = 7;

/** A portal time as epoch milliseconds, or undefined when it is not one. */
export function portalTimeMs(value: string | undefined): number | undefined {
  const parts = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value ?? '');
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
  return Date.UTC(year, month - 1, day, hour - VIETNAM_OFFSET_HOURS, minute, second);
}

const monthStartMs = (year: number, month: number) => Date.UTC(year, month - 1, 1, -VIETNAM_OFFSET_HOURS);

/** A reporting period: dossiers received (NgayTiepNhan) from `startMs` up to, not including, `endMs`. */
export interface ScorePeriod {
  timeType: TimeType;
  year: number;
  /** Month of the year (1-12) the period starts in. */
  firstMonth: number;
  months: number;
  startMs: number;
  endMs: number;
}

const MONTHS: Record<TimeType, number> = { year: 12, quarter: 3, month: 1 };

export function scorePeriod(timeType: TimeType, year: number, index = 1): ScorePeriod {
  const months = MONTHS[timeType];
  const firstMonth = (index - 1) * months + 1;
  return {
    timeType,
    year,
    firstMonth,
    months,
    startMs: monthStartMs(year, firstMonth),
    endMs: monthStartMs(year, firstMonth + months),
  };
}

/** The period just before, of the same kind (December for January, Q4 of last year for Q1). */
export function previousPeriod(period: ScorePeriod): ScorePeriod {
  const index = (period.firstMonth - 1) / period.months + 1;
  const perYear = 12 / period.months;
  return index > 1
    ? scorePeriod(period.timeType, period.year, index - 1)
    : scorePeriod(period.timeType, period.year - 1, perYear);
}

/** How many periods of this kind a year holds: last year's total is divided by it (amendment 1.4). */
export const periodsPerYear = (period: ScorePeriod): number => 12 / period.months;

export const inPeriod = (ms: number | undefined, period: Pick<ScorePeriod, 'startMs' | 'endMs'>) =>
  ms !== undefined && ms >= period.startMs && ms < period.endMs;
