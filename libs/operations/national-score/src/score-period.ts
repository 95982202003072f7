/** A scoring period as the national data knows it: a month, a quarter or a year. */
export interface ScorePeriod {
  type: 'month' | 'quarter' | 'year';
  /** `2026-11`, `2026-Q4` or `2026`: the key stored and asked for. */
  key: string;
  year: number;
  /** Month 1-12 (type month) or quarter 1-4 (type quarter). */
  part?: number;
}

const PATTERNS: [RegExp, ScorePeriod['type']][] = [
  [/^(\d{4})-(0[1-9]|1[0-2])$/, 'month'],
  [/^(\d{4})-Q([1-4])$/, 'quarter'],
  [/^(\d{4})$/, 'year'],
];

/** Reads `2026-11`, `2026-Q4` or `2026`; anything else throws naming the forms accepted. */
export function parsePeriod(text: string): ScorePeriod {
  const trimmed = text.trim().toUpperCase();
  for (const [pattern, type] of PATTERNS) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const year = Number(match[1]);
    return match[2] === undefined
      ? { type, key: trimmed, year }
      : { type, key: trimmed, year, part: Number(match[2]) };
  }
  throw new Error(`not a period: "${text}" (expected YYYY-MM, YYYY-Qn or YYYY)`);
}

/** The period part of a request body: `{timeType, year, month | quarter}`. */
export function periodRequest(period: ScorePeriod): Record<string, string | number> {
  switch (period.type) {
    case 'month':
      return { timeType: 'month', year: period.year, month: period.part! };
    case 'quarter':
      return { timeType: 'quarter', year: period.year, quarter: period.part! };
    case 'year':
      return { timeType: 'year', year: period.year };
  }
}

/** The periods a schedule can be told to fetch, relative to today in Việt Nam. */
export const RELATIVE_PERIODS = [
  'month',
  'previous-month',
  'quarter',
  'previous-quarter',
  'year',
  'previous-year',
] as const;
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number];

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The period a relative name means at `now` (the portal's periods are Việt Nam's calendar). */
export function resolvePeriod(relative: RelativePeriod, now: Date): ScorePeriod {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const quarter = Math.ceil(month / 3);
  const pad = (value: number) => String(value).padStart(2, '0');
  switch (relative) {
    case 'month':
      return parsePeriod(`${year}-${pad(month)}`);
    case 'previous-month':
      return parsePeriod(month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`);
    case 'quarter':
      return parsePeriod(`${year}-Q${quarter}`);
    case 'previous-quarter':
      return parsePeriod(quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`);
    case 'year':
      return parsePeriod(`${year}`);
    case 'previous-year':
      return parsePeriod(`${year - 1}`);
  }
}
