const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** Shared-schema local time (ISO 8601, +07:00) to edXML's yyyy/MM/dd. */
export function toEdxmlDate(localIso: string): string {
  return localIso.slice(0, 10).replace(/-/g, '/');
}

/** Shared-schema local time (ISO 8601, +07:00) to edXML's `yyyy/MM/dd HH:mm:ss`. */
export function toEdxmlTimestamp(localIso: string): string {
  return `${toEdxmlDate(localIso)} ${localIso.slice(11, 19)}`;
}

/** An instant as edXML's `yyyy/MM/dd HH:mm:ss` in Asia/Ho_Chi_Minh time (no daylight saving there). */
export function edxmlTimestampAt(instant: Date): string {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return toEdxmlTimestamp(local);
}

export const EDXML_TIMESTAMP = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/;
