/**
 * The base of every Lienthong error: a stable `code` an operator can look up (it travels in
 * dead-letter headers and API answers), whether trying again may help, and the error it wraps.
 */
export class LienthongError extends Error {
  readonly code: string;
  readonly retriable: boolean;

  constructor(code: string, message: string, options: { retriable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retriable = options.retriable ?? false;
    this.name = new.target.name;
  }
}

/** Whether an error says trying again may help; errors of other libraries say nothing, so they may. */
export function isRetriable(error: unknown): boolean {
  return error instanceof LienthongError ? error.retriable : true;
}
