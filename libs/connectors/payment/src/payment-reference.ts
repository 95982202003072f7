import { createHash } from 'node:crypto';

/** OpenCPS cuts MaThamChieu to 20 characters: ours are never longer. */
export const REFERENCE_MAX_LENGTH = 20;
const PREFIX = 'LT';

/**
 * MaThamChieu of one attempt at a payment request: derived from the requestId and the attempt number
 * alone, so a retried INIT (a restart, a redelivery) repeats it, and a new attempt after a failure takes
 * a new one. 18 hex digits of SHA-256 (72 bits) keep references apart across any realistic volume.
 */
export function paymentReference(requestId: string, attempt: number): string {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`a payment attempt is numbered from 1, not ${attempt}`);
  }
  const digest = createHash('sha256').update(`${requestId.toLowerCase()}#${attempt}`, 'utf8').digest('hex');
  return (PREFIX + digest.toUpperCase()).slice(0, REFERENCE_MAX_LENGTH);
}
