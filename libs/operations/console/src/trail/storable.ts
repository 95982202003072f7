/**
 * PostgreSQL's text and jsonb hold any Unicode but the NUL character. The console's readable columns
 * write a NUL as the six characters `\u0000`; where the exact bytes matter (a dead letter's key and
 * headers, for replay) they are kept beside them in bytea.
 */
export function storableText(text: string): string;
export function storableText(text: string | null): string | null;
export function storableText(text: string | null): string | null {
  return text === null ? null : text.replaceAll('\u0000', '\\u0000');
}

export function storableHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [storableText(name), storableText(value)]),
  );
}

/** A header that should hold a whole number, or null when it holds anything else (or one too large). */
export function wholeNumber(text: string | undefined, most: number): number | null {
  if (text === undefined || !/^\d{1,19}$/.test(text)) return null;
  const value = Number(text);
  return value <= most ? value : null;
}
