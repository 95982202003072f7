import { PermanentError } from '@lienthong/connector-runtime';
import { Topics, type IncomingRecord } from '@lienthong/kafka';
import type { PaymentRequest } from '@lienthong/schemas';
import { goldenJson } from '../golden-payment.fixture';
import { PAYMENT_REQUEST_SEQUENCE, PAYMENT_REQUEST_SOURCE, paymentRequests } from './payment-requests';

const request = goldenJson<PaymentRequest>('source/payment-request.json');

const recordOf = (value: string): IncomingRecord => ({
  topic: 'src.motcua.payment-requests',
  partition: 0,
  offset: '7',
  key: Buffer.from(request.dossierCode),
  value: Buffer.from(value),
  headers: {},
  timestamp: '0',
});

describe(paymentRequests.name, () => {
  const sut = paymentRequests(['motcua']);

  it('reads a valid request, keyed by its requestId for its own subject, naming its dossier', () => {
    const item = sut.read(recordOf(JSON.stringify(request)));

    expect(item).toEqual(request);
    expect(sut.keyOf(item)).toEqual({
      subject: request.requestId,
      dossierCode: request.dossierCode,
      sourceSystem: PAYMENT_REQUEST_SOURCE,
      sourceEventId: request.requestId,
      sequence: PAYMENT_REQUEST_SEQUENCE,
      status: null,
    });
  });

  it.each([
    ['not JSON', '{"requestId": ', 'PAYMENT_REQUEST_NOT_JSON'],
    ['a bad dossier code', JSON.stringify({ ...request, dossierCode: 'x' }), 'PAYMENT_INVALID_DOSSIER_CODE'],
    ['an unknown channel', JSON.stringify({ ...request, channel: 'cash' }), 'PAYMENT_REQUEST_INVALID'],
    ['no fees', JSON.stringify({ ...request, fees: [] }), 'PAYMENT_REQUEST_INVALID'],
  ])('refuses %s with its dead-letter reason', (_, value, reason) => {
    expect(() => sut.read(recordOf(value))).toThrow(PermanentError);
    expect(() => sut.read(recordOf(value))).toThrow(expect.objectContaining({ code: reason }));
  });

  it("reads every configured system's request topic", () => {
    const inputs = paymentRequests(['motcua', 'gtvt']).inputs(new Topics('t.'), 'payment');

    expect(inputs.map((input) => input.name)).toEqual([
      't.src.motcua.payment-requests',
      't.src.gtvt.payment-requests',
    ]);
  });
});
