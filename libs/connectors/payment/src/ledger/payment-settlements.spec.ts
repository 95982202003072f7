import { GOLDEN_PARTNER, GOLDEN_REFERENCE, goldenJson } from '../golden-payment.fixture';
import { settleCallback, verifyCallback, type VerifiedCallback } from '../payment-callback';
import type { PaymentState } from '../payment-state';
import type { PaymentRecord } from './payment-record';
import { callbackSettlement, changeOf, resultSettlement } from './payment-settlements';

const paymentIn = (state: PaymentState, extra: Partial<PaymentRecord> = {}): PaymentRecord => ({
  requestId: '6f1c2b0e-3a8d-4c5e-9b7a-2d4e6f8a0b1c',
  reference: GOLDEN_REFERENCE,
  attempt: 1,
  dossierCode: '000.00.12.H26-240815-0042',
  amount: 150_000,
  channel: 'national',
  state,
  amountDiffers: false,
  initTime: '20240815143005',
  initiatedAt: new Date('2024-08-15T14:30:05+07:00'),
  hasReceipt: false,
  updatedAt: new Date('2024-08-15T14:30:05+07:00'),
  ...extra,
});

const paidCallback = verifyCallback(
  goldenJson('callbacks/CONFIRM-paid.json'),
  GOLDEN_PARTNER,
) as VerifiedCallback;

describe(resultSettlement.name, () => {
  it('settles a paid QUERY answer exactly as the verified callback of the same result', () => {
    const held = paymentIn('initiated');

    const sut = resultSettlement('paid', paidCallback.result, held);

    expect(sut).toEqual(callbackSettlement(settleCallback(paidCallback, held)));
    expect(sut).toMatchObject({
      transition: { kind: 'move', to: 'paid' },
      platformTransactionId: 'PP2408151431220001',
    });
  });

  it('flags a paid amount other than the one asked, for an operator', () => {
    expect(
      resultSettlement('paid', paidCallback.result, paymentIn('initiated', { amount: 100_000 })),
    ).toMatchObject({
      amountDiffers: true,
    });
  });

  it('keeps a payment already paid, and reports a contradiction of it as a conflict', () => {
    expect(resultSettlement('paid', paidCallback.result, paymentIn('paid'))?.transition).toEqual({
      kind: 'keep',
      why: 'same',
    });
    expect(
      resultSettlement('failed', paidCallback.result, paymentIn('paid'), 'TrangThaiGD 4')?.transition,
    ).toMatchObject({
      kind: 'conflict',
    });
  });

  it('settles nothing when no payment is held', () => {
    expect(resultSettlement('paid', paidCallback.result, undefined)).toBeUndefined();
  });
});

describe(callbackSettlement.name, () => {
  it('applies nothing of a refused callback', () => {
    expect(callbackSettlement(settleCallback(paidCallback, undefined))).toBeUndefined();
  });

  it('gives a failed callback its MaLoi as the reason', () => {
    const failed = verifyCallback(
      goldenJson('callbacks/CONFIRM-failed.json'),
      GOLDEN_PARTNER,
    ) as VerifiedCallback;
    expect(callbackSettlement(settleCallback(failed, paymentIn('initiated')))).toMatchObject({
      transition: { kind: 'move', to: 'failed' },
      reason: `MaLoi ${failed.result.errorCode}`,
    });
  });
});

describe(changeOf.name, () => {
  it.each<[PaymentState, Partial<PaymentRecord>]>([
    ['initiated', { paymentUrl: 'https://pay.example.vn/p/1' }],
    ['paid', { platformTransactionId: 'PP1', bank: 'VCB' }],
    ['failed', { reason: 'MaLoi 99' }],
    ['refused', { reason: '99: Các lỗi khác' }],
  ])('tells the change of a payment now %s from the ledger row', (state, details) => {
    expect(changeOf(paymentIn(state, details))).toEqual({ state, ...details });
  });
});
