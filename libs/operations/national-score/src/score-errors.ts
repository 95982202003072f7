import { LienthongError } from '@lienthong/errors';

/** The answer no longer has the shape the reader needs: a field is missing or of another type. */
export class ScoreShapeError extends LienthongError {
  constructor(
    readonly endpoint: string,
    readonly field: string,
    detail: string,
  ) {
    super(
      'NATIONAL_SCORE_SHAPE',
      `national score ${endpoint}: the answer's shape changed: ${field} ${detail}`,
    );
  }
}

/** A call the portal refused or did not answer: 429, 403 and 5xx may pass later, other 4xx will not. */
export class ScoreCallError extends LienthongError {
  constructor(
    readonly endpoint: string,
    readonly status: number | undefined,
    message: string,
    readonly retryAfterMs?: number,
    cause?: unknown,
  ) {
    const retriable = status === undefined || status === 429 || status === 403 || status >= 500;
    super('NATIONAL_SCORE_CALL', `national score ${endpoint}: ${message}`, { retriable, cause });
  }
}

/** Another replica or an operator is fetching: one fetch at a time across the deployment. */
export class ScoreFetchBusyError extends LienthongError {
  constructor() {
    super('NATIONAL_SCORE_BUSY', 'a national score fetch is going on elsewhere', { retriable: true });
  }
}
