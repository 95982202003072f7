import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readConfig } from '@lienthong/config';
import { nationalScoreConfigSpec } from './national-score.config';
import { ScoreClient } from './score-client';
import { ScoreCallError } from './score-errors';
import { goldenAnswer, goldenRequest } from './score-golden.fixture';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

describe(ScoreClient.name, () => {
  let server: Server;
  let url: string;
  let replies: Reply[];
  const asked: { path: string; headers: IncomingHttpHeaders; body: unknown; at: number }[] = [];
  const sut = (env: Record<string, string> = {}) =>
    new ScoreClient(
      readConfig(nationalScoreConfigSpec, {
        NATIONAL_SCORE_URL: url,
        NATIONAL_SCORE_RATE_PER_S: '0',
        NATIONAL_SCORE_BACKOFF_INITIAL_MS: '10',
        NATIONAL_SCORE_MAX_ATTEMPTS: '4',
        ...env,
      }),
    );
  const transparency = goldenRequest('transparency.json');

  beforeAll(async () => {
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk) => (text += chunk));
      request.on('end', () => {
        asked.push({ path: request.url!, headers: request.headers, body: JSON.parse(text), at: Date.now() });
        const reply = replies.shift() ?? { status: 500 };
        response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        response.end(JSON.stringify(reply.body ?? {}));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => (asked.length = 0));
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('POSTs the documented path and body with browser-like headers, and keeps the raw answer with its SHA-256', async () => {
    const golden = goldenAnswer('transparency.json');
    replies = [golden];

    const answer = await sut().call('transparency', transparency.body);

    expect(asked[0]).toMatchObject({
      path: transparency.path,
      body: transparency.body,
      headers: {
        origin: 'https://dichvucong.gov.vn',
        referer: 'https://dichvucong.gov.vn/danh-gia-chat-luong-phuc-vu',
        'content-type': 'application/json',
      },
    });
    expect(answer).toMatchObject({ status: 201, page: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.parse(answer.text)).toEqual(golden.body);
  });

  it('takes 200 as success as well as 201', async () => {
    replies = [{ status: 200, body: { data: {} } }];

    expect((await sut().call('transparency', transparency.body)).status).toBe(200);
  });

  it('backs off on 429 (waiting as long as Retry-After says), 403 and 5xx, then succeeds', async () => {
    replies = [
      { status: 429, headers: { 'Retry-After': '0.3' } },
      { status: 403 },
      { status: 503 },
      { status: 201, body: { data: {} } },
    ];

    expect((await sut().call('transparency', transparency.body)).status).toBe(201);
    expect(asked).toHaveLength(4);
    expect(asked[1].at - asked[0].at).toBeGreaterThanOrEqual(290);
  });

  it('gives up after the attempts allowed with the last refusal, and never retries a 400', async () => {
    replies = [{ status: 429 }, { status: 429 }, { status: 429 }, { status: 429 }];
    await expect(sut().call('transparency', transparency.body)).rejects.toMatchObject({
      status: 429,
      retriable: true,
    });
    expect(asked).toHaveLength(4);

    asked.length = 0;
    replies = [{ status: 400 }];
    await expect(sut().call('transparency', transparency.body)).rejects.toBeInstanceOf(ScoreCallError);
    expect(asked).toHaveLength(1);
  });

  it('keeps to the rate: one call at a time, 1/rate seconds apart', async () => {
    replies = [0, 1, 2].map(() => ({ status: 201, body: { data: {} } }));
    const client = sut({ NATIONAL_SCORE_RATE_PER_S: '5' });

    await Promise.all([0, 1, 2].map(() => client.call('transparency', transparency.body)));

    expect(asked[2].at - asked[0].at).toBeGreaterThanOrEqual(390);
  });
});
