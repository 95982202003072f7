/** A failure that may pass: the target was down, slow, overloaded or out of session. Try again later. */
export class RetriableError extends Error {
  readonly retriable = true;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = RetriableError.name;
  }
}

/** A failure that will not pass by retrying: the target refused the content. Dead-letter it. */
export class PermanentError extends Error {
  readonly retriable = false;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = PermanentError.name;
  }
}

/**
 * The target refuses us, not the dossier: credentials rejected (a rotated secret), a clock too far off
 * for a signed request, an account locked. Every dossier would fail the same way, so it is retried and
 * held while the target keeps refusing (the breaker pauses consumption), never dead-lettered, and an
 * operator is alerted to fix the access.
 */
export class TargetAccessError extends RetriableError {
  readonly targetAccess = true;
  constructor(code: string, message: string) {
    super(code, message);
    this.name = TargetAccessError.name;
  }
}
