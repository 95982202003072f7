/** Shared-schema local time (ISO 8601, +07:00) to edXML's yyyy/MM/dd. */
export function toEdxmlDate(localIso: string): string {
  return localIso.slice(0, 10).replace(/-/g, '/');
}

/** Shared-schema local time (ISO 8601, +07:00) to edXML's `yyyy/MM/dd HH:mm:ss`. */
export function toEdxmlTimestamp(localIso: string): string {
  return `${toEdxmlDate(localIso)} ${localIso.slice(11, 19)}`;
}

export const EDXML_TIMESTAMP = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/;
