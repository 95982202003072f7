import { isRetriable, LienthongError } from './lienthong-error';

class TargetDown extends LienthongError {
  constructor(cause: unknown) {
    super('TARGET_DOWN', 'the target did not answer', { retriable: true, cause });
  }
}

describe('LienthongError', () => {
  it('carries a code, whether to retry, the cause and the subclass name', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new TargetDown(cause);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'TARGET_DOWN', retriable: true, cause, name: 'TargetDown' });
    expect(error.message).toBe('the target did not answer');
  });

  it('is not retriable unless it says so', () => {
    expect(new LienthongError('BAD_INPUT', 'no').retriable).toBe(false);
    expect(isRetriable(new LienthongError('BAD_INPUT', 'no'))).toBe(false);
    expect(isRetriable(new TargetDown(undefined))).toBe(true);
    expect(isRetriable(new TypeError('x'))).toBe(true);
  });
});
