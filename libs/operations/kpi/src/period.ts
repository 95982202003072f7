import { BadRequestException } from '@nestjs/common';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_OFFSET_MS = 7 * 3600_000;

/**
 * A reporting period of whole local (Asia/Ho_Chi_Minh) days, `from` and `to` included; the dossiers of
 * a period are those received in it. Unfinished dossiers are judged at its end, or now if that is earlier.
 */
export class Period {
  private constructor(
    readonly from: string,
    readonly to: string,
    /** Epoch ms the period's open dossiers are judged at. */
    readonly judgeAt: number,
  ) {}

  /** From query parameters; without them, the current quarter up to today. A bad value is a 400. */
  static parse(from: string | undefined, to: string | undefined, now = Date.now()): Period {
    const today = new Date(now + LOCAL_OFFSET_MS).toISOString().slice(0, 10);
    const quarterStart = `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    const start = from ?? quarterStart;
    const end = to ?? today;
    for (const [name, value] of [
      ['from', start],
      ['to', end],
    ] as const) {
      if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
        throw new BadRequestException(`${name} must be a date YYYY-MM-DD, got "${value}"`);
      }
    }
    if (start > end) throw new BadRequestException(`from (${start}) is after to (${end})`);
    const endOfPeriod = Date.parse(`${end}T00:00:00+07:00`) + 86_400_000 - 1;
    return new Period(start, end, Math.min(endOfPeriod, now));
  }

  toJSON() {
    return { from: this.from, to: this.to, judgedAt: new Date(this.judgeAt).toISOString() };
  }
}

const nextDay = (day: string, days = 1) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (day: string) => {
  const date = new Date(Date.parse(`${monthStart(day)}T00:00:00Z`));
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
};

/**
 * [from, to] as the first days of its whole months (read from the monthly sums) and the day ranges
 * before and after them (read from the daily sums).
 */
export function splitPeriod(
  from: string,
  to: string,
): { months: [string, string] | null; days: [string, string][] } {
  const firstWhole = from === monthStart(from) ? from : nextMonth(from);
  const afterLastWhole = nextDay(to) === monthStart(nextDay(to)) ? nextDay(to) : monthStart(to);
  if (firstWhole >= afterLastWhole) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < firstWhole) days.push([from, nextDay(firstWhole, -1)]);
  if (afterLastWhole <= to) days.push([afterLastWhole, to]);
  const lastWholeStart = monthStart(nextDay(afterLastWhole, -1));
  return { months: [firstWhole, lastWholeStart], days };
}
