import { hostileTarget } from '../../../../test/support/hostile-target';
import { RetriableError, TargetAccessError } from './errors';
import { reach } from './http-failures';
import { targetHttp } from './target-http';

const LIMIT = 256 * 1024;

describe(targetHttp.name, () => {
  let target: Awaited<ReturnType<typeof hostileTarget>>;
  const sut = () =>
    targetHttp(
      { HTTP_MAX_ANSWER_BYTES: LIMIT },
      { baseURL: target.url, timeout: 10_000, headers: { ApiKey: 'the-api-key' }, responseType: 'text' },
    );
  const call = () => reach('the target', 'read', () => sut().get<string>('/read'));

  beforeAll(async () => {
    target = await hostileTarget();
  });
  afterAll(() => target.close());

  it('refuses a redirect to another host, before anything reaches it', async () => {
    target.behave({ kind: 'redirect-away' });
    const error = await call().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TargetAccessError);
    expect(error).toMatchObject({ code: 'HTTP_REDIRECT_REFUSED' });
    expect((error as Error).message).toMatch(
      /the target \(read\): a redirect from 127\.0\.0\.1:\d+ to 127\.0\.0\.2:\d+/,
    );
    expect(target.home).toHaveLength(1);
    expect(target.elsewhere).toEqual([]);
  });

  it('follows a redirect within the target, keeping its headers', async () => {
    target.behave({ kind: 'redirect-home', body: 'here' });
    const answer = await call();
    expect(answer.data).toBe('here');
    expect(target.home.map((request) => [request.path, request.headers.apikey])).toEqual([
      ['/read', 'the-api-key'],
      ['/moved', 'the-api-key'],
    ]);
  });

  it('reads an answer of the limit', async () => {
    target.behave({ kind: 'stream', bytes: LIMIT });
    expect((await call()).data).toHaveLength(LIMIT);
  });

  it('cuts off a streamed answer over the limit, as retriable', async () => {
    target.behave({ kind: 'stream', bytes: 64 * LIMIT });
    const error = await call().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RetriableError);
    expect(error).not.toBeInstanceOf(TargetAccessError);
    expect(error).toMatchObject({ code: 'HTTP_ANSWER_TOO_LARGE' });
    expect((error as Error).message).toMatch(/the target answered more than HTTP_MAX_ANSWER_BYTES \(read\)/);
  });
});
