import { SchemaValidator, type PaymentEvent, type PaymentRequest } from '@lienthong/schemas';
import { GOLDEN_REFERENCE, goldenJson } from './golden-payment.fixture';
import { paymentEvent, type PaymentChange } from './payment-event';
import { totalOf } from './payment-messages';

const request = goldenJson<PaymentRequest>('source/payment-request.json');
const subject = { request, reference: GOLDEN_REFERENCE, amount: totalOf(request) };
const at = new Date('2024-08-15T14:31:22+07:00');
const schema = new SchemaValidator<PaymentEvent>('payment.v1.json');

describe(paymentEvent.name, () => {
  it('carries the request, the reference, the total and the time in +07:00', () => {
    const sut = paymentEvent(subject, { state: 'initiated', paymentUrl: 'https://pay.example.vn/p/1' }, at);
    expect(sut).toEqual({
      requestId: request.requestId,
      dossierCode: request.dossierCode,
      reference: GOLDEN_REFERENCE,
      state: 'initiated',
      amount: 150_000,
      channel: 'national',
      paymentUrl: 'https://pay.example.vn/p/1',
      at: '2024-08-15T14:31:22+07:00',
    });
  });

  it.each<PaymentChange>([
    { state: 'initiated', paymentUrl: 'https://pay.example.vn/p/1' },
    { state: 'paid', platformTransactionId: 'PP2408151431220001', bank: 'VCB' },
    { state: 'failed', reason: '99: Các lỗi khác', platformTransactionId: '', bank: '' },
    { state: 'refused', reason: '99: Trùng mã tham chiếu' },
  ])('is a valid payment.v1 event when $state', (change) => {
    const sut = paymentEvent(subject, change, at);
    expect(schema.violation(sut)).toBeUndefined();
    expect(sut).not.toHaveProperty('bank', '');
  });
});
