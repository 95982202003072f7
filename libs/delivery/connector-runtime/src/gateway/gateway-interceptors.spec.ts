import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { maskPersonalData } from '@lienthong/observability';
import { TargetAccessError } from '../errors';
import { reach } from '../http-failures';
import { targetHttp } from '../target-http';
import type { GatewaySettings, OAuth2Gateway } from './gateway.config';
import { applyGateway } from './gateway-interceptors';
import { lgspAccessToken } from './lgsp-access-token';

const SECRET = 'consumer-secret-42';

/**
 * A WSO2-like gateway on a free port: POST /token issues `token-<n>`; GET /read answers 200 to a
 * token it still accepts and 401 otherwise; GET /drop closes the socket.
 */
async function fakeGateway() {
  const state = {
    issued: 0,
    accepted: new Set<string>(),
    seen: [] as IncomingHttpHeaders[],
    refuseAll: false,
  };
  const server = createServer((request, response) => {
    request.resume();
    if (request.url === '/token') {
      const token = `token-${++state.issued}`;
      state.accepted.add(token);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }));
      return;
    }
    state.seen.push(request.headers);
    if (request.url === '/drop') return request.socket.destroy();
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    const admitted = !state.refuseAll && state.accepted.has(token);
    response.writeHead(admitted ? 200 : 401, { 'Content-Type': 'text/plain' }).end(admitted ? 'ok' : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, state, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe(applyGateway.name, () => {
  let gateway: Awaited<ReturnType<typeof fakeGateway>>;
  const oauth2 = (): OAuth2Gateway => ({
    auth: 'oauth2',
    prefix: 'PORTAL',
    tokenUrl: `${gateway.url}/token`,
    clientId: 'lienthong',
    clientSecret: SECRET,
    tokenHeader: 'Authorization',
  });
  const client = (settings: GatewaySettings, validateStatus?: () => boolean) =>
    targetHttp(
      { HTTP_MAX_ANSWER_BYTES: 1024 },
      { baseURL: gateway.url, timeout: 5_000, responseType: 'text', validateStatus },
      settings,
    );

  beforeEach(async () => {
    gateway = await fakeGateway();
  });
  afterEach(() => gateway.close());

  it('sends the token as Bearer and fetches it once for concurrent calls', async () => {
    const sut = client(oauth2());
    const answers = await Promise.all(Array.from({ length: 10 }, () => sut.get<string>('/read')));
    expect(answers.map(({ data }) => data)).toEqual(Array(10).fill('ok'));
    expect(gateway.state.issued).toBe(1);
    expect(new Set(gateway.state.seen.map((headers) => headers.authorization))).toEqual(
      new Set(['Bearer token-1']),
    );
  });

  it.each([
    ['an answer (validateStatus accepts all)', () => true],
    ['an error (default validateStatus)', undefined],
  ])('renews the token once on a 401 as %s and repeats the call', async (_how, validateStatus) => {
    const sut = client(oauth2(), validateStatus);
    await sut.get('/read');
    gateway.state.accepted.clear();
    const answer = await sut.get<string>('/read');
    expect(answer.status).toBe(200);
    expect(gateway.state.issued).toBe(2);
    expect(gateway.state.seen.map((headers) => headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });

  it('takes a second 401 as a refused access, without asking a third time', async () => {
    const sut = client(oauth2(), () => true);
    gateway.state.refuseAll = true;
    const error = await reach('the portal', 'read', () => sut.get('/read')).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TargetAccessError);
    expect(error).toMatchObject({ code: 'GATEWAY_ACCESS_REFUSED' });
    expect((error as Error).message).toMatch(/renewed credential; check PORTAL_GATEWAY_CLIENT_ID/);
    expect(gateway.state.seen).toHaveLength(2);
    expect(gateway.state.issued).toBe(2);
  });

  it('sends the lgspaccesstoken header, and takes its 401 as a refused access at once', async () => {
    const keys = { accessKey: 'ak', secretKey: SECRET, appName: 'A', partnerCode: 'P', partnerCodeCus: '' };
    const sut = client({ auth: 'lgsp', prefix: 'DOCUMENTS', keys }, () => true);
    const error = await sut.get('/read').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'GATEWAY_ACCESS_REFUSED' });
    expect((error as Error).message).toMatch(/DOCUMENTS_GATEWAY_LGSP_ACCESS_KEY/);
    expect(gateway.state.seen).toHaveLength(1);
    const sent = JSON.parse(Buffer.from(String(gateway.state.seen[0].lgspaccesstoken), 'base64').toString());
    expect(sent).toEqual({
      AccessKey: 'ak',
      SecretKey: SECRET,
      AppName: 'A',
      PartnerCode: 'P',
      PartnerCodeCus: '',
    });
  });

  it('lets neither the token nor the secret reach an error, its causes or a log record', async () => {
    const keys = { accessKey: 'ak', secretKey: SECRET, appName: 'A', partnerCode: 'P', partnerCodeCus: '' };
    const failures = [
      await reach('the portal', 'drop', () => client(oauth2()).get('/drop')).catch(
        (caught: unknown) => caught,
      ),
      await reach('the portal', 'drop', () => client({ auth: 'lgsp', prefix: 'P', keys }).get('/drop')).catch(
        (caught: unknown) => caught,
      ),
      await client({ ...oauth2(), tokenUrl: 'http://127.0.0.1:1/token' })
        .get('/read')
        .catch((caught: unknown) => caught),
    ];
    expect(gateway.state.issued).toBe(1);
    for (const error of failures) {
      expect(error).toBeInstanceOf(Error);
      const written = inspect(error, { depth: Infinity }) + JSON.stringify(maskPersonalData({ err: error }));
      expect(written).not.toContain('token-1');
      expect(written).not.toContain(SECRET);
      expect(written).not.toContain(Buffer.from(`lienthong:${SECRET}`).toString('base64'));
      expect(written).not.toContain(lgspAccessToken(keys));
    }
  });
});
