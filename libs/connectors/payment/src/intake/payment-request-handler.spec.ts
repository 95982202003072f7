import { PermanentError, RetriableError, TargetAccessError } from '@lienthong/connector-runtime';
import { DeadLetterHeader, type IncomingRecord } from '@lienthong/kafka';
import type { PaymentRequest } from '@lienthong/schemas';
import { ConstantBackoff } from 'cockatiel';
import { goldenJson } from '../golden-payment.fixture';
import { PaymentRequestHandler } from './payment-request-handler';

const request = goldenJson<PaymentRequest>('source/payment-request.json');
const DLQ = 'dlq.payment.v1';

const recordOf = (value: string): IncomingRecord => ({
  topic: 'src.motcua.payment-requests',
  partition: 0,
  offset: '7',
  key: Buffer.from(request.dossierCode),
  value: Buffer.from(value),
  headers: {},
  timestamp: '0',
});

/** A service failing with the given errors, in turn, then initiating. */
function serviceFailing(...failures: Error[]) {
  return {
    initiate: jest.fn(async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return undefined;
    }),
  };
}

function build(service: ReturnType<typeof serviceFailing>, signal = new AbortController().signal) {
  return new PaymentRequestHandler({
    service,
    deadLetterTopic: DLQ,
    backoff: new ConstantBackoff(1),
    signal,
  });
}

describe(PaymentRequestHandler.name, () => {
  const heartbeat = jest.fn(async () => undefined);

  beforeEach(() => heartbeat.mockClear());

  it('initiates a valid request and dead-letters nothing', async () => {
    const service = serviceFailing();
    const sut = build(service);

    expect(await sut.handle(recordOf(JSON.stringify(request)), heartbeat)).toBeUndefined();
    expect(service.initiate).toHaveBeenCalledWith(request);
  });

  it.each([
    ['not JSON', '{"requestId": ', 'PAYMENT_REQUEST_NOT_JSON'],
    ['a bad dossier code', JSON.stringify({ ...request, dossierCode: 'x' }), 'PAYMENT_INVALID_DOSSIER_CODE'],
    ['an unknown channel', JSON.stringify({ ...request, channel: 'cash' }), 'PAYMENT_REQUEST_INVALID'],
  ])(
    'dead-letters %s with its reason, the bytes unchanged, without calling the platform',
    async (_, value, reason) => {
      const service = serviceFailing();
      const sut = build(service);

      const dead = await sut.handle(recordOf(value), heartbeat);

      expect(dead).toMatchObject({ topic: DLQ, key: request.dossierCode, value: Buffer.from(value) });
      expect(dead?.headers[DeadLetterHeader.Reason]).toBe(reason);
      expect(dead?.headers[DeadLetterHeader.SourceOffset]).toBe('7');
      expect(service.initiate).not.toHaveBeenCalled();
    },
  );

  it('tries a retriable failure and a refused access again in place until the request goes through', async () => {
    const service = serviceFailing(
      new RetriableError('PAYMENT_HTTP_503', 'down'),
      new TargetAccessError('PAYMENT_ACCESS_REFUSED', 'refused'),
      new Error('connection terminated'),
    );
    const sut = build(service);

    expect(await sut.handle(recordOf(JSON.stringify(request)), heartbeat)).toBeUndefined();
    expect(service.initiate).toHaveBeenCalledTimes(4);
    expect(heartbeat).toHaveBeenCalledTimes(3);
  });

  it("dead-letters a PermanentError of the platform's with its code", async () => {
    const sut = build(serviceFailing(new PermanentError('PAYMENT_HTTP_400', 'refused')));

    const dead = await sut.handle(recordOf(JSON.stringify(request)), heartbeat);

    expect(dead?.headers[DeadLetterHeader.Reason]).toBe('PAYMENT_HTTP_400');
  });

  it('gives a request up at shutdown without dead-lettering it (its offset is not committed)', async () => {
    const stopping = new AbortController();
    const service = {
      initiate: jest.fn(async () => {
        stopping.abort();
        throw new RetriableError('PAYMENT_HTTP_503', 'down');
      }),
    };
    const sut = build(service, stopping.signal);

    await expect(sut.handle(recordOf(JSON.stringify(request)), heartbeat)).rejects.toThrow();
  });
});
