const UNIT_MS = { h: 3_600_000, d: 86_400_000 } as const;

/** How long a token lives unless told otherwise: 90 days. */
export const DEFAULT_TOKEN_TTL_MS = 90 * UNIT_MS.d;

/** The longest lifetime a token may be given: a year. */
export const MAX_TOKEN_TTL_MS = 365 * UNIT_MS.d;

/** A token lifetime as the CLI and the API take it: hours or days, e.g. `12h`, `30d` (at most `365d`). */
export const TOKEN_TTL_PATTERN = /^([1-9]\d{0,4})([hd])$/;

/** The lifetime in milliseconds, or undefined when `ttl` is not a valid lifetime. */
export function parseTokenTtl(ttl: string): number | undefined {
  const match = TOKEN_TTL_PATTERN.exec(ttl);
  if (!match) return undefined;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms <= MAX_TOKEN_TTL_MS ? ms : undefined;
}
