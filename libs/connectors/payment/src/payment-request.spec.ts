import type { PaymentRequest } from '@lienthong/schemas';
import { goldenJson } from './golden-payment.fixture';
import { MAX_TOTAL_VND, readPaymentRequest } from './payment-request';

const request = goldenJson<PaymentRequest>('source/payment-request.json');

describe(readPaymentRequest.name, () => {
  it('takes the golden payment request', () => {
    expect(readPaymentRequest(request)).toEqual(request);
  });

  it('takes a total of exactly 1,000,000,000 VND', () => {
    const fees = [{ kind: 2, code: 'LP01', name: 'Lệ phí', amount: MAX_TOTAL_VND }];
    expect(readPaymentRequest({ ...request, fees }).fees).toEqual(fees);
  });

  it.each<[string, unknown, string]>([
    [
      'a total over 1,000,000,000 VND',
      {
        ...request,
        fees: [
          { kind: 1, code: 'P01', name: 'Phí', amount: MAX_TOTAL_VND },
          { kind: 2, code: 'LP01', name: 'Lệ phí', amount: 1 },
        ],
      },
      'PAYMENT_TOTAL_TOO_LARGE',
    ],
    [
      'a dossier code of another form',
      { ...request, dossierCode: 'HS-0042' },
      'PAYMENT_INVALID_DOSSIER_CODE',
    ],
    [
      'a dossier code with no real date',
      { ...request, dossierCode: '000.00.12.H26-241332-0042' },
      'PAYMENT_INVALID_DOSSIER_CODE',
    ],
    ['a missing field', { ...request, beneficiary: undefined }, 'PAYMENT_REQUEST_INVALID'],
    [
      'an amount that is not an integer',
      { ...request, fees: [{ ...request.fees[0], amount: 1.5 }] },
      'PAYMENT_REQUEST_INVALID',
    ],
    [
      'a non-positive amount',
      { ...request, fees: [{ ...request.fees[0], amount: 0 }] },
      'PAYMENT_REQUEST_INVALID',
    ],
    ['an unknown kind', { ...request, fees: [{ ...request.fees[0], kind: 3 }] }, 'PAYMENT_REQUEST_INVALID'],
    ['an unknown channel', { ...request, channel: 'cash' }, 'PAYMENT_REQUEST_INVALID'],
  ])('refuses %s with its dead-letter reason, permanently', (_, value, code) => {
    expect(() => readPaymentRequest(value)).toThrow(expect.objectContaining({ code, retriable: false }));
  });
});
