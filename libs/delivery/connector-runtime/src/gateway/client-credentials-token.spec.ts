import type { AxiosInstance } from 'axios';
import { RetriableError, TargetAccessError } from '../errors';
import { ClientCredentialsToken } from './client-credentials-token';
import type { OAuth2Gateway } from './gateway.config';

const GATEWAY: OAuth2Gateway = {
  auth: 'oauth2',
  prefix: 'PORTAL',
  tokenUrl: 'http://gateway.test/token',
  clientId: 'the-client',
  clientSecret: 'the-client-secret',
  tokenHeader: 'Authorization',
};

/** A token endpoint answering from a script; each answer is released when the test says. */
function tokenEndpoint(answer: (issued: number) => { status: number; data: unknown }) {
  const requests: { url: string; body: string; authorization: string }[] = [];
  const post = jest.fn(async (url: string, body: string, options: { headers: Record<string, string> }) => {
    requests.push({ url, body, authorization: options.headers.Authorization });
    await Promise.resolve();
    return answer(requests.length);
  });
  return { http: { post } as unknown as AxiosInstance, requests };
}

const issuing = (expiresIn?: number) => (issued: number) => ({
  status: 200,
  data: { access_token: `token-${issued}`, token_type: 'Bearer', expires_in: expiresIn },
});

describe(ClientCredentialsToken.name, () => {
  let clock: number;
  const now = () => clock;

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('asks with the client credentials as Basic and the client_credentials grant', async () => {
    const endpoint = tokenEndpoint(issuing(3600));
    const sut = new ClientCredentialsToken(GATEWAY, endpoint.http, now);
    await expect(sut.current()).resolves.toBe('token-1');
    expect(endpoint.requests).toEqual([
      {
        url: 'http://gateway.test/token',
        body: 'grant_type=client_credentials',
        authorization: `Basic ${Buffer.from('the-client:the-client-secret').toString('base64')}`,
      },
    ]);
  });

  it('keeps the token until shortly before expires_in runs out, then fetches a new one', async () => {
    const endpoint = tokenEndpoint(issuing(3600));
    const sut = new ClientCredentialsToken(GATEWAY, endpoint.http, now);
    await sut.current();
    clock += 3540_000 - 1;
    await expect(sut.current()).resolves.toBe('token-1');
    clock += 1;
    await expect(sut.current()).resolves.toBe('token-2');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('renews a short-lived token a tenth of its lifetime early, and takes 3600 s when expires_in is missing', async () => {
    const short = tokenEndpoint(issuing(10));
    const sut = new ClientCredentialsToken(GATEWAY, short.http, now);
    await sut.current();
    clock += 8_999;
    await expect(sut.current()).resolves.toBe('token-1');
    clock += 1;
    await expect(sut.current()).resolves.toBe('token-2');

    const silent = new ClientCredentialsToken(GATEWAY, tokenEndpoint(issuing()).http, now);
    await silent.current();
    clock += 3000_000;
    await expect(silent.current()).resolves.toBe('token-1');
  });

  it('shares one fetch between concurrent calls', async () => {
    const endpoint = tokenEndpoint(issuing(3600));
    const sut = new ClientCredentialsToken(GATEWAY, endpoint.http, now);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => sut.current()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(endpoint.requests).toHaveLength(1);
  });

  it('renews a refused token once, however many calls saw it refused', async () => {
    const endpoint = tokenEndpoint(issuing(3600));
    const sut = new ClientCredentialsToken(GATEWAY, endpoint.http, now);
    const refused = await sut.current();
    const renewed = await Promise.all(Array.from({ length: 5 }, () => sut.renew(refused)));
    expect(new Set(renewed)).toEqual(new Set(['token-2']));
    await expect(sut.renew(refused)).resolves.toBe('token-2');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('holds the connector on refused credentials, naming the keys, never the secret', async () => {
    const sut = new ClientCredentialsToken(
      GATEWAY,
      tokenEndpoint(() => ({ status: 401, data: { error: 'invalid_client' } })).http,
      now,
    );
    const error = await sut.current().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TargetAccessError);
    expect(error).toMatchObject({ code: 'GATEWAY_TOKEN_REFUSED' });
    expect((error as Error).message).toMatch(/HTTP 401 invalid_client.*PORTAL_GATEWAY_CLIENT_SECRET/);
    expect((error as Error).message).not.toContain('the-client-secret');
  });

  it('takes a failing token endpoint as retriable, and asks again on the next call', async () => {
    const endpoint = tokenEndpoint((issued) =>
      issued === 1 ? { status: 503, data: '<html>busy</html>' } : issuing(3600)(issued),
    );
    const sut = new ClientCredentialsToken(GATEWAY, endpoint.http, now);
    const error = await sut.current().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RetriableError);
    expect(error).not.toBeInstanceOf(TargetAccessError);
    await expect(sut.current()).resolves.toBe('token-2');
  });
});
