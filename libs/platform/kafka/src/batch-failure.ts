import { LienthongError } from '@lienthong/errors';
/**
 * What a consumer's batch handler throws when the batch failed. kafkajs stops a consumer for good on an
 * error it deems non-retriable (a producer's "Transaction state exception", say), and a stopped consumer
 * never resumes by itself; a failed batch is always worth consuming again, so the error is retriable and
 * carries no cause that kafkajs would look through.
 */
export function consumeAgain(error: unknown): Error {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new LienthongError('BATCH_FAILED', `batch failed, consumed again: ${message}`, { retriable: true });
}
