import { checksumMatches, SignedFields } from './payment-checksum';
import type { PlatformMessageBody } from './payment-platform.contract';
import { GOLDEN_SECRET, goldenJson, paymentSandbox } from './payment-sandbox.fixture';
import { PaymentSettlement, type CallbackPost } from './payment-settlement';

const INIT = goldenJson('requests/INIT.json');
const QUERY = goldenJson('requests/QUERY.json');
const REFERENCE = 'LT240815004201';
const RECEIVED = { status: 200, body: goldenJson('callbacks/CONFIRM-answer-received.json') };

/** A province's callback endpoint: records each callback and answers with the next scripted answer. */
function callbackEndpoint(...script: (typeof RECEIVED | Error)[]) {
  const received: { url: string; body: PlatformMessageBody }[] = [];
  const post: CallbackPost = async (url, body) => {
    received.push({ url, body });
    const next = script.length > 1 ? script.shift()! : script[0];
    if (next instanceof Error) throw next;
    return next;
  };
  return { received, post };
}

describe(PaymentSettlement.name, () => {
  it('posts the signed result of a paid payment to the callback URL, as the golden callback is shaped', async () => {
    const endpoint = callbackEndpoint(RECEIVED);
    const sandbox = paymentSandbox(
      { PAYMENT_SANDBOX_CALLBACK_URL: 'http://province.test/cb' },
      endpoint.post,
    );
    sandbox.call(INIT);

    const settled = sandbox.settlement.settle(REFERENCE, 'paid')!;
    await sandbox.settlement.whenIdle();

    expect(endpoint.received).toEqual([
      {
        url: 'http://province.test/cb',
        body: {
          ...goldenJson('callbacks/CONFIRM-paid.json'),
          MaGiaoDich: settled.transactionId,
          MaNganHang: settled.bank,
          ThoiGianGD: settled.settledTime,
          MaXacThuc: expect.any(String),
        },
      },
    ]);
    expect(checksumMatches(SignedFields.result, endpoint.received[0].body, GOLDEN_SECRET)).toBe(true);
    expect(sandbox.store.get(REFERENCE)?.callback).toEqual({
      fate: 'delivered',
      attempts: 1,
      lastAnswer: 'HTTP 200 MaLoi 00',
    });
    expect(sandbox.store.stats().callbacks).toEqual({ sent: 1, lost: 0, failed: 0, attempts: 1 });
  });

  it('says MaLoi 99 in the callback of a failed payment, under the configured LoaiBanTin', async () => {
    const endpoint = callbackEndpoint(RECEIVED);
    const sandbox = paymentSandbox({ PAYMENT_SANDBOX_RESULT_TYPE: 'KET_QUA' }, endpoint.post);
    sandbox.call(INIT);

    sandbox.settlement.settle(REFERENCE, 'failed');
    await sandbox.settlement.whenIdle();

    expect(endpoint.received[0].body).toMatchObject({ LoaiBanTin: 'KET_QUA', MaLoi: '99', SoTien: 150000 });
    expect(checksumMatches(SignedFields.result, endpoint.received[0].body, GOLDEN_SECRET)).toBe(true);
  });

  it('retries a callback that failed, up to the configured tries, then gives up', async () => {
    const refused = { status: 200, body: { MaLoi: '99' } };
    const endpoint = callbackEndpoint(new Error('ECONNREFUSED'), { status: 503, body: {} }, refused);
    const sandbox = paymentSandbox({ PAYMENT_SANDBOX_CALLBACK_ATTEMPTS: '3' }, endpoint.post);
    sandbox.call(INIT);

    sandbox.settlement.settle(REFERENCE, 'paid');
    await sandbox.settlement.whenIdle();

    expect(endpoint.received).toHaveLength(3);
    expect(sandbox.store.get(REFERENCE)?.callback).toEqual({
      fate: 'failed',
      attempts: 3,
      lastAnswer: 'HTTP 200 MaLoi 99',
    });
    expect(sandbox.store.stats().callbacks).toEqual({ sent: 0, lost: 0, failed: 1, attempts: 3 });
  });

  it('delivers on a later try when the province recovers', async () => {
    const endpoint = callbackEndpoint(new Error('socket hang up'), RECEIVED);
    const sandbox = paymentSandbox({}, endpoint.post);
    sandbox.call(INIT);

    sandbox.settlement.settle(REFERENCE, 'paid');
    await sandbox.settlement.whenIdle();

    expect(sandbox.store.get(REFERENCE)?.callback).toMatchObject({ fate: 'delivered', attempts: 2 });
  });

  it('loses the configured share of callbacks: never sent, while QUERY still tells the result', async () => {
    const endpoint = callbackEndpoint(RECEIVED);
    const sandbox = paymentSandbox({ PAYMENT_SANDBOX_LOST_CALLBACKS: '1' }, endpoint.post);
    sandbox.call(INIT);

    sandbox.settlement.settle(REFERENCE, 'paid');
    await sandbox.settlement.whenIdle();

    expect(endpoint.received).toEqual([]);
    expect(sandbox.store.get(REFERENCE)?.callback.fate).toBe('lost');
    expect(sandbox.store.stats().callbacks).toMatchObject({ sent: 0, lost: 1 });
    expect(sandbox.call(QUERY)).toMatchObject({ json: { TrangThaiGD: '1' } });
  });

  it('settles by itself after the configured delay, paid or failed by the configured share', async () => {
    let delivered!: (body: PlatformMessageBody) => void;
    const callback = new Promise<PlatformMessageBody>((resolve) => (delivered = resolve));
    const post: CallbackPost = async (_, body) => {
      delivered(body);
      return RECEIVED;
    };
    const sandbox = paymentSandbox(
      {
        PAYMENT_SANDBOX_AUTO_SETTLE: 'true',
        PAYMENT_SANDBOX_SETTLE_AFTER_MS: '10',
        PAYMENT_SANDBOX_PAID_SHARE: '0',
      },
      post,
    );

    sandbox.call(INIT);

    expect(await callback).toMatchObject({ MaThamChieu: REFERENCE, MaLoi: '99' });
    expect(sandbox.store.stats()).toMatchObject({ states: { pending: 0, paid: 0, failed: 1 } });
  });

  it('settles a transaction once: a second settle changes nothing', () => {
    const sandbox = paymentSandbox({}, callbackEndpoint(RECEIVED).post);
    sandbox.call(INIT);

    const first = { ...sandbox.settlement.settle(REFERENCE, 'paid')! };

    expect(sandbox.settlement.settle(REFERENCE, 'failed')).toBeUndefined();
    expect(sandbox.store.get(REFERENCE)).toMatchObject({ state: 'paid', transactionId: first.transactionId });
    expect(sandbox.settlement.settle('LT-UNKNOWN')).toBeUndefined();
  });
});
