import { LienthongError } from '@lienthong/errors';

/**
 * Every classified failure of a delivery: a code an operator can look up, and whether trying again may
 * help. Anything else a connector throws is unclassified (retried, then parked, finally dead-lettered).
 */
export abstract class DeliveryError extends LienthongError {}

/** A failure that may pass: the target was down, slow, overloaded or out of session. Try again later. */
export class RetriableError extends DeliveryError {
  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(code, message, { ...options, retriable: true });
  }
}

/** A failure that will not pass by retrying: the target refused the content. Dead-letter it. */
export class PermanentError extends DeliveryError {
  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(code, message, { ...options, retriable: false });
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
}

/**
 * Not a failure: an older event of a dossier that is not at the target yet, while a newer event's
 * outcome there is not known. What it adds has nothing to attach to until that event is through, so it
 * waits on a retry topic (without using up the levels) and comes back.
 */
export class WaitingForNewerError extends RetriableError {
  constructor() {
    super(
      'NOT_AT_TARGET_YET',
      'older than an event whose outcome at the target is not known yet, and the dossier is not there yet',
    );
  }
}
