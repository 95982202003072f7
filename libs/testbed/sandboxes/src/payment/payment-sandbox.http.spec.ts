import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApp, type RunningApp } from '@lienthong/bootstrap';
import { readConfig } from '@lienthong/config';
import axios from 'axios';
import { GOLDEN_SECRET, goldenJson } from './payment-sandbox.fixture';
import { paymentSandboxConfigSpec } from './payment-sandbox.config';
import { PaymentSandboxModule } from './payment-sandbox.module';

const REFERENCE = 'LT240815004201';
const QUERY = goldenJson('requests/QUERY.json');

/** A province's callback endpoint over HTTP: resolves each awaited callback as it arrives. */
async function callbackReceiver(): Promise<{ server: Server; url: string; next: () => Promise<unknown> }> {
  const waiting: ((body: unknown) => void)[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ MaLoi: '00', MoTaLoi: 'Thành công' }));
      waiting.shift()?.(JSON.parse(text));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const next = () => new Promise((resolve) => waiting.push(resolve));
  return { server, url: `http://127.0.0.1:${port}/payment/callback`, next };
}

describe(`${PaymentSandboxModule.name} over HTTP, behind a gateway`, () => {
  let sut: RunningApp;
  let receiver: Awaited<ReturnType<typeof callbackReceiver>>;
  let token: string;
  const platform = (body: unknown, authorization = `Bearer ${token}`) =>
    axios.post(`${sut.url}/paygate/v1`, body, {
      headers: { authorization },
      responseType: 'arraybuffer',
      validateStatus: () => true,
    });
  const jsonOf = (data: ArrayBuffer) => JSON.parse(Buffer.from(data).toString('utf8'));
  const requestToken = (form: string, authorization?: string) =>
    axios.post(`${sut.url}/token`, form, {
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(authorization && { authorization }),
      },
      validateStatus: () => true,
    });

  beforeAll(async () => {
    receiver = await callbackReceiver();
    const env = {
      PAYMENT_SANDBOX_PATH: '/paygate/v1',
      PAYMENT_SANDBOX_SECRET: GOLDEN_SECRET,
      PAYMENT_SANDBOX_AUTO_SETTLE: 'false',
      PAYMENT_SANDBOX_CALLBACK_URL: receiver.url,
      PAYMENT_SANDBOX_GATEWAY: 'oauth2',
      PAYMENT_SANDBOX_GATEWAY_CLIENT_ID: 'key',
      PAYMENT_SANDBOX_GATEWAY_CLIENT_SECRET: 'secret-of-key',
      PAYMENT_SANDBOX_GATEWAY_TOKEN_EXPIRES_S: '60',
    };
    sut = await startApp(
      'sandbox-payment',
      PaymentSandboxModule.register(readConfig(paymentSandboxConfigSpec, env)),
      { port: 0 },
    );
  });

  afterAll(async () => {
    await sut.app.close();
    receiver.server.close();
  });

  it('issues a client-credentials token to the registered client only', async () => {
    const basic = `Basic ${Buffer.from('key:secret-of-key').toString('base64')}`;

    const issued = await requestToken('grant_type=client_credentials', basic);

    expect(issued.status).toBe(200);
    expect(issued.data).toMatchObject({
      token_type: 'Bearer',
      expires_in: 60,
      access_token: expect.any(String),
    });
    token = issued.data.access_token;
    const inForm = await requestToken(
      'grant_type=client_credentials&client_id=key&client_secret=secret-of-key',
    );
    expect(inForm.status).toBe(200);
    expect((await requestToken('grant_type=client_credentials&client_id=key&client_secret=x')).status).toBe(
      401,
    );
    expect((await requestToken('grant_type=password', basic)).status).toBe(400);
  });

  it('takes INIT at the configured path with the token, and refuses it without one', async () => {
    expect((await platform(goldenJson('requests/INIT.json'), '')).status).toBe(401);

    const answer = await platform(goldenJson('requests/INIT.json'));

    expect(answer.status).toBe(200);
    expect(jsonOf(answer.data)).toMatchObject({ MaLoi: '00', UrlThanhToan: `${sut.url}/pay/${REFERENCE}` });
    const page = await axios.get(`${sut.url}/pay/${REFERENCE}`);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });

  it('posts the callback when a test settles the payment, then serves the receipt as application/pdf', async () => {
    const callback = receiver.next();

    const settled = await axios.post(`${sut.url}/_sandbox/transactions/${REFERENCE}/settle?outcome=paid`);

    expect(settled.data).toMatchObject({ state: 'paid' });
    expect(await callback).toMatchObject({ MaThamChieu: REFERENCE, MaLoi: '00', SoTien: 150000 });
    const bill = await platform(goldenJson('requests/GET_BILL.json'));
    expect(bill.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(bill.data).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('shows what it holds and counts what it did', async () => {
    await platform({ ...QUERY, MaXacThuc: 'forged' });

    const stats = (await axios.get(`${sut.url}/_sandbox/stats`)).data;

    expect(stats).toMatchObject({ transactions: 1, inits: 1, checksumRefused: 1 });
    expect((await axios.get(`${sut.url}/_sandbox/gateway`)).data).toMatchObject({
      mode: 'oauth2',
      refused: 1,
    });
    expect(stats.callbacks).toMatchObject({ sent: 1, lost: 0 });
    const held = (await axios.get(`${sut.url}/_sandbox/transactions?state=paid`)).data;
    expect(held.map((transaction: { reference: string }) => transaction.reference)).toEqual([REFERENCE]);
  });

  it('fails calls as its fault plan says, through the faults module', async () => {
    await axios.put(`${sut.url}/_sandbox/faults`, { rate: 1, kinds: ['5xx'] });

    const answer = await platform(QUERY);

    await axios.put(`${sut.url}/_sandbox/faults`, { rate: 0 });
    expect(answer.status).toBe(503);
    expect((await platform(QUERY)).status).toBe(200);
  });

  it('answers 401 once its tokens expire', async () => {
    await axios.post(`${sut.url}/_sandbox/gateway/expire`);

    expect((await platform(QUERY)).status).toBe(401);
  });
});
