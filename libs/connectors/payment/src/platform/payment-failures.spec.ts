import { PermanentError, RetriableError, TargetAccessError } from '@lienthong/connector-runtime';
import { statusError } from './payment-failures';

describe(statusError.name, () => {
  it.each([401, 403, 404, 405])('holds on HTTP %i: every payment would fail the same way', (status) => {
    expect(statusError('INIT', status)).toBeInstanceOf(TargetAccessError);
  });

  it.each([429, 500, 502, 503])('retries on HTTP %i', (status) => {
    const sut = statusError('QUERY', status);
    expect(sut).toBeInstanceOf(RetriableError);
    expect(sut).not.toBeInstanceOf(TargetAccessError);
    expect(sut.code).toBe(`PAYMENT_HTTP_${status}`);
  });

  it.each([400, 409, 422])('refuses for good on HTTP %i', (status) => {
    expect(statusError('INIT', status)).toBeInstanceOf(PermanentError);
  });
});
