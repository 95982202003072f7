import { isCalendarDate } from './normalize';
import { RejectionError, RejectionReason } from './rejection';

/** Asia/Ho_Chi_Minh has had a fixed +07:00 offset, without daylight saving, since 1975. */
const OFFSET_MS = 7 * 3600 * 1000;

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function invalidDate(value: unknown, path: string, expected: string): RejectionError {
  return new RejectionError(
    RejectionReason.InvalidDate,
    `date "${String(value)}" at ${path} is not ${expected}`,
    path,
  );
}

/** An instant as ISO 8601 local time with the +07:00 offset: the shared schema's form. */
export function toLocalIso(epochMs: number): string {
  const local = new Date(epochMs + OFFSET_MS);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}+07:00`
  );
}

/** Wall-clock time in Vietnam, as an instant (epoch ms); rejects impossible dates and times. */
export function localWallClock(
  parts: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  value: unknown,
  path: string,
): number {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = parts;
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    throw invalidDate(value, path, 'a real calendar date and time');
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) - OFFSET_MS;
}

/** ISO 8601 date-time; with no offset it is taken as Vietnam's local time. */
export function parseIsoDateTime(value: string, path: string): number {
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) throw invalidDate(value, path, 'ISO 8601 (yyyy-MM-ddTHH:mm[:ss][offset])');
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const wall = localWallClock(
    { year: +year, month: +month, day: +day, hour: +hour, minute: +minute, second: +(second ?? 0) },
    value,
    path,
  );
  const millis = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  return wall + OFFSET_MS - zoneOffsetMs(zone) + millis;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined) return OFFSET_MS;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60) * 1000;
}

/** A calendar date yyyy-MM-dd (birth dates); a date-time is cut to its local date. */
export function parseIsoDate(value: string, path: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (match) {
    if (!isCalendarDate(+match[1], +match[2], +match[3]))
      throw invalidDate(value, path, 'a real calendar date');
    return match[0];
  }
  return toLocalIso(parseIsoDateTime(value, path)).slice(0, 10);
}

/** An optional ISO 8601 source time in the shared form; absent or empty stays undefined. */
export function optionalIsoTime(value: string | null | undefined, path: string): string | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  return toLocalIso(parseIsoDateTime(value, path));
}

/** A source time that must be present, in the shared form. */
export function requiredIsoTime(value: string | null | undefined, path: string): string {
  const time = optionalIsoTime(value, path);
  if (time === undefined) throw invalidDate(value, path, 'present');
  return time;
}

const VIETNAMESE_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * `dd/MM/yyyy` or `dd/MM/yyyy HH:mm[:ss]` in Vietnam's local time, as an instant. A date without a time
 * of day takes `timeOfDay` (a due date means the end of that working day).
 */
export function parseVietnameseDateTime(
  value: string,
  path: string,
  timeOfDay = { hour: 0, minute: 0 },
): number {
  const match = VIETNAMESE_DATE.exec(value.trim());
  if (!match) throw invalidDate(value, path, 'dd/MM/yyyy or dd/MM/yyyy HH:mm[:ss]');
  const [, day, month, year, hour, minute, second] = match;
  return localWallClock(
    {
      year: +year,
      month: +month,
      day: +day,
      hour: hour === undefined ? timeOfDay.hour : +hour,
      minute: minute === undefined ? timeOfDay.minute : +minute,
      second: second === undefined ? 0 : +second,
    },
    value,
    path,
  );
}

/** An instant in epoch milliseconds (UTC), checked to be a real number of a plausible era. */
export function parseEpochMillis(value: number, path: string): number {
  if (!Number.isFinite(value) || value < Date.UTC(1900, 0, 1) || value > Date.UTC(2200, 0, 1)) {
    throw invalidDate(value, path, 'epoch milliseconds between 1900 and 2200');
  }
  return value;
}
