/** Asia/Ho_Chi_Minh has had a fixed +07:00 offset, without daylight saving, since 1975. */
const OFFSET_MS = 7 * 3600 * 1000;

const pad = (value: number) => String(value).padStart(2, '0');

/** The wall clock in Vietnam at an instant, whatever this machine's time zone. */
function vietnamClock(instant: Date) {
  const local = new Date(instant.getTime() + OFFSET_MS);
  return {
    date: `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`,
  };
}

/** ThoiGianGD: `yyyyMMddHHmmss`, 24-hour, Vietnam time (never the 12-hour `hh` of one public client). */
export function paymentTime(instant: Date): string {
  const { date, time } = vietnamClock(instant);
  return date + time;
}

/** ISO 8601 with the +07:00 offset, the form of times on Lienthong's topics. */
export function vietnamIso(instant: Date): string {
  const { date, time } = vietnamClock(instant);
  const [year, month, day] = [date.slice(0, 4), date.slice(4, 6), date.slice(6)];
  return `${year}-${month}-${day}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4)}+07:00`;
}
