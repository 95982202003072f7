import {
  isTransientStatus,
  PermanentError,
  RetriableError,
  TargetAccessError,
} from '@lienthong/connector-runtime';

/**
 * How the payment platform's HTTP failures are classified, so the runtime knows what to do:
 * - our access refused (401/403) or no such endpoint (404/405): TargetAccessError, held until an
 *   operator fixes the credentials or the URL (every payment would fail the same way);
 * - the platform or its gateway overloaded or failing (429, 5xx): RetriableError (an INIT repeats its
 *   MaThamChieu, so trying again never makes a second payment);
 * - any other status: PermanentError, our message was refused.
 * An answer that cannot be read is the answer readers' PAYMENT_BAD_ANSWER (retriable).
 */
export function statusError(operation: string, status: number): RetriableError | PermanentError {
  const message = `the payment platform answered HTTP ${status} to ${operation}`;
  if (status === 401 || status === 403) {
    return new TargetAccessError(
      'PAYMENT_ACCESS_REFUSED',
      `${message}: our access was refused; check the gateway credentials (PAYMENT_GATEWAY_*) with the gateway's operator`,
    );
  }
  if (status === 404 || status === 405) {
    return new TargetAccessError(
      'PAYMENT_ENDPOINT_NOT_FOUND',
      `${message}: no such endpoint; check PAYMENT_INIT_URL, PAYMENT_QUERY_URL and PAYMENT_BILL_URL`,
    );
  }
  return isTransientStatus(status)
    ? new RetriableError(`PAYMENT_HTTP_${status}`, message)
    : new PermanentError(`PAYMENT_HTTP_${status}`, message);
}
