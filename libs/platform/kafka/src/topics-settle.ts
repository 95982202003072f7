import { ConstantBackoff, handleWhen, retry } from 'cockatiel';

/**
 * Apps that start together create overlapping topics; for a moment a topic another app has just
 * created is listed but not served ("does not host this topic-partition", a retriable Kafka error).
 * Calls that meet that are tried again for up to half a minute.
 */
export const whileTopicsSettle = retry(
  handleWhen((error) => (error as { retriable?: boolean }).retriable === true),
  { maxAttempts: 30, backoff: new ConstantBackoff(1000) },
);
