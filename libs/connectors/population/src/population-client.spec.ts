import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readConfig } from '@lienthong/config';
import { PermanentError, RetriableError, TargetAccessError } from '@lienthong/connector-runtime';
import { goldenMessage } from './golden-messages.fixture';
import { PopulationClient } from './population-client';
import { populationConfigSpec } from './population.config';

interface CannedAnswer {
  status: number;
  body: string;
  contentType?: string;
  delayMs?: number;
}

/** A real HTTP server that gives the next canned answer, and records what it was sent. */
function gateway() {
  const answers: CannedAnswer[] = [];
  const received: { headers: Record<string, unknown>; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      const answer = answers.shift() ?? { status: 200, body: goldenMessage('answers/lookup-not-found.xml') };
      const contentType = answer.contentType ?? 'text/xml; charset=utf-8';
      setTimeout(
        () => response.writeHead(answer.status, { 'Content-Type': contentType }).end(answer.body),
        answer.delayMs ?? 0,
      );
    });
  });
  return { server, answers, received };
}

const golden = (status: number, file: string): CannedAnswer => ({
  status,
  body: goldenMessage(`answers/${file}`),
});

describe(PopulationClient.name, () => {
  const { server, answers, received } = gateway();
  let sut: PopulationClient;
  const lookup = {
    requestId: 'r1',
    officer: 'CB01',
    serviceCode: '1.001193',
    unitCode: '000.00.12.H26',
    identity: { kind: 'CCCD' as const, number: '001068403043' },
    fullName: 'Đỗ Văn Cường',
    birthDate: '1968-07-22',
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    sut = new PopulationClient(
      readConfig(populationConfigSpec, {
        POPULATION_URL: `http://127.0.0.1:${port}/dancuquocgia`,
        POPULATION_TIMEOUT_MS: '300',
      }),
    );
  });

  beforeEach(() => {
    answers.length = 0;
    received.length = 0;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('posts the lookup with every gateway header', async () => {
    await sut.lookup(lookup);
    const [{ headers, body }] = received;
    expect(headers).toMatchObject({
      'content-type': 'application/xml',
      'x-road-client': 'VN/GOV/000.00.00.H26/LIENTHONG',
      apikey: 'lienthong-api-key',
      timestamp: expect.stringMatching(/^\d{13}$/),
      authorization: expect.stringMatching(/^Basic /),
    });
    expect(body).toContain('<dan:HoVaTen>DO VAN CUONG</dan:HoVaTen>');
  });

  it.each([
    ['lookup-domain-md-verbatim.xml', 'ĐỖ VĂN CƯỜNG'],
    ['lookup-whole-name-in-ten.xml', 'ĐỖ VĂN CƯỜNG'],
    ['lookup-compact.xml', 'Cường'],
    ['lookup-split-name-other-prefixes.xml', 'Mai'],
    ['lookup-wrapped-default-namespace.xml', 'MAI'],
    ['lookup-old-card-year-only.xml', 'LÊ VĂN TÁM'],
  ])('reads the record in %s', async (file, ten) => {
    answers.push(golden(200, file));
    expect(await sut.lookup(lookup)).toMatchObject({ HoVaTen: { Ten: ten } });
  });

  it('reads an empty collection as nobody found', async () => {
    answers.push(golden(200, 'lookup-not-found.xml'));
    expect(await sut.lookup(lookup)).toBeUndefined();
  });

  it.each([
    ['HTTP 401 with a SOAP fault', golden(401, 'fault-401-authentication.xml')],
    ['HTTP 403 with a plain-text body', { status: 403, body: 'Forbidden', contentType: 'text/plain' }],
  ])('classifies %s as our access refused, telling the operator what to check', async (_, answer) => {
    answers.push(answer);
    const failure = sut.lookup(lookup);
    await expect(failure).rejects.toBeInstanceOf(TargetAccessError);
    await expect(failure).rejects.toMatchObject({
      code: 'POPULATION_ACCESS_REFUSED',
      retriable: true,
      message: expect.stringMatching(/POPULATION_SECRET.*POPULATION_API_KEY.*NTP/s),
    });
  });

  it.each([
    ['429', { status: 429, body: 'Too Many Requests', contentType: 'text/plain' }],
    ['an HTML 503 page', { ...golden(503, 'html-503-service-unavailable.html'), contentType: 'text/html' }],
    ['a SOAP Server fault', golden(500, 'fault-500-server.xml')],
    ['a timeout', { ...golden(200, 'lookup-compact.xml'), delayMs: 1000 }],
  ])('classifies %s as retriable, not as an access problem', async (_, answer) => {
    answers.push(answer);
    const failure = sut.lookup(lookup);
    await expect(failure).rejects.toBeInstanceOf(RetriableError);
    await expect(failure).rejects.not.toBeInstanceOf(TargetAccessError);
  });

  it.each([
    [
      'a SOAP Client fault about the request',
      golden(500, 'fault-500-client-request.xml'),
      'POPULATION_REJECTED',
    ],
    ['an unreadable 200 answer', { status: 200, body: '{"ok":true}' }, 'POPULATION_MALFORMED'],
    [
      'a 200 answer to another operation',
      { status: 200, body: goldenMessage('requests/ok/lookup-full-date.xml') },
      'POPULATION_MALFORMED',
    ],
    ['a 400 page', { status: 400, body: 'Bad Request', contentType: 'text/plain' }, 'POPULATION_HTTP_400'],
  ])('classifies %s as permanent', async (_, answer, code) => {
    answers.push(answer);
    await expect(sut.lookup(lookup)).rejects.toMatchObject({ constructor: PermanentError, code });
  });

  it('classifies a 404 (a wrong POPULATION_URL) as an access problem, held until the address is fixed', async () => {
    answers.push({ status: 404, body: 'Not Found', contentType: 'text/plain' });
    const failure = sut.lookup(lookup);
    await expect(failure).rejects.toBeInstanceOf(TargetAccessError);
    await expect(failure).rejects.toMatchObject({ code: 'POPULATION_ENDPOINT_NOT_FOUND' });
    await expect(failure).rejects.toThrow('POPULATION_URL');
  });

  it('masks a personal ID the gateway quotes in a fault', async () => {
    answers.push({
      status: 500,
      body: goldenMessage('answers/fault-500-client-request.xml').replace(
        'NgayThangNamSinh chỉ được',
        'SoDinhDanh 001068403043: NgayThangNamSinh chỉ được',
      ),
    });
    await expect(sut.lookup(lookup)).rejects.toThrow('SoDinhDanh **********43');
  });

  it('classifies an unreachable gateway as retriable', async () => {
    const closed = new PopulationClient(
      readConfig(populationConfigSpec, { POPULATION_URL: 'http://127.0.0.1:1' }),
    );
    await expect(closed.lookup(lookup)).rejects.toBeInstanceOf(RetriableError);
  });
});
