/**
 * PostgreSQL refused the value itself (data exceptions such as a NUL byte or a date out of range,
 * integrity violations, limits such as an index row too large), not the connection: writing the same
 * value again fails again, so the caller sets it aside instead of retrying.
 */
export function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23|54)/.test(code);
}
