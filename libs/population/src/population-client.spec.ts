import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readConfig } from '@lienthong/config';
import { PermanentError, RetriableError } from '@lienthong/connector-runtime';
import { PopulationClient } from './population-client';
import { populationConfigSpec } from './population.config';
import { lookupResponse, verifyResponse } from './soap/population-messages';
import { soapFault } from './soap/soap-envelope';

/** A real HTTP server that gives the next canned answer, and records what it was sent. */
function gateway() {
  const answers: { status: number; body: string; delayMs?: number }[] = [];
  const received: { headers: Record<string, unknown>; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      const answer = answers.shift() ?? { status: 200, body: verifyResponse(true) };
      setTimeout(
        () => response.writeHead(answer.status, { 'Content-Type': 'application/xml' }).end(answer.body),
        answer.delayMs ?? 0,
      );
    });
  });
  return { server, answers, received };
}

describe(PopulationClient.name, () => {
  const { server, answers, received } = gateway();
  let sut: PopulationClient;
  const query = { requestId: 'r1', officer: 'CB01', personalId: '001092008262', fullName: 'Nguyễn Thùy Hoa' };
  const lookup = { ...query, serviceCode: '1.001193', unitCode: '000.00.12.H26', birthDate: '1992-08-02' };

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    sut = new PopulationClient(
      readConfig(populationConfigSpec, {
        POPULATION_URL: `http://127.0.0.1:${port}`,
        POPULATION_TIMEOUT_MS: '300',
      }),
    );
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('posts SOAP with every gateway header, and reads the answers', async () => {
    answers.push(
      { status: 200, body: lookupResponse(undefined) },
      { status: 200, body: verifyResponse(true) },
    );
    expect(await sut.lookup(lookup)).toBeUndefined();
    expect(await sut.verify(query)).toBe(true);
    const [{ headers, body }] = received.splice(0);
    expect(headers).toMatchObject({
      'content-type': 'application/xml',
      'x-road-client': 'VN/GOV/000.00.00.H26/LIENTHONG',
      apikey: 'lienthong-api-key',
      timestamp: expect.stringMatching(/^\d{13}$/),
      authorization: expect.stringMatching(/^Basic /),
    });
    expect(body).toContain('<dan:HoVaTen>NGUYEN THUY HOA</dan:HoVaTen>');
  });

  it.each([
    ['429', { status: 429, body: 'Too Many Requests' }],
    ['503 in HTML', { status: 503, body: '<html>down</html>' }],
    ['a Server fault', { status: 500, body: soapFault('Server', 'lỗi hệ thống') }],
    ['a timeout', { status: 200, body: verifyResponse(true), delayMs: 1000 }],
  ])('classifies %s as retriable', async (_, answer) => {
    answers.push(answer);
    await expect(sut.verify(query)).rejects.toBeInstanceOf(RetriableError);
  });

  it.each([
    ['refused credentials', { status: 401, body: soapFault('Client', 'Sai chữ ký') }, 'POPULATION_AUTH'],
    ['a Client fault', { status: 500, body: soapFault('Client', 'Thiếu MaYeuCau') }, 'POPULATION_REJECTED'],
    ['an unreadable answer', { status: 200, body: '{"ok":true}' }, 'POPULATION_MALFORMED'],
    [
      'an answer to another operation',
      { status: 200, body: lookupResponse(undefined) },
      'POPULATION_MALFORMED',
    ],
  ])('classifies %s as permanent', async (_, answer, code) => {
    answers.push(answer);
    await expect(sut.verify(query)).rejects.toMatchObject({ constructor: PermanentError, code });
  });

  it('classifies an unreachable gateway as retriable', async () => {
    const closed = new PopulationClient(
      readConfig(populationConfigSpec, { POPULATION_URL: 'http://127.0.0.1:1' }),
    );
    await expect(closed.verify(query)).rejects.toBeInstanceOf(RetriableError);
  });
});
