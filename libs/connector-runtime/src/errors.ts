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
