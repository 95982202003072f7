import { GOLDEN_PARTNER, goldenJson } from './golden-payment.fixture';
import { settleCallback, verifyCallback, type KnownPayment } from './payment-callback';

const initiated: KnownPayment = { state: 'initiated', amount: 150_000 };

/** Verifies a callback body and settles it against the payment held (undefined: none is). */
function sut(body: unknown, payment: KnownPayment | undefined) {
  const verified = verifyCallback(body, GOLDEN_PARTNER);
  return verified.kind === 'verified' ? settleCallback(verified, payment) : verified;
}

describe(verifyCallback.name, () => {
  it('answers a good paid callback with the golden answer, and moves the payment to paid', () => {
    const decision = sut(goldenJson('callbacks/CONFIRM-paid.json'), initiated);
    expect(decision).toMatchObject({
      kind: 'applied',
      paid: true,
      transition: { kind: 'move', to: 'paid' },
      amountDiffers: false,
      result: { transactionId: 'PP2408151431220001', bank: 'VCB' },
    });
    expect(decision.answer).toEqual(goldenJson('callbacks/CONFIRM-answer-received.json'));
  });

  it('moves a payment to failed on a good callback with MaLoi other than 00', () => {
    expect(sut(goldenJson('callbacks/CONFIRM-failed.json'), initiated)).toMatchObject({
      kind: 'applied',
      paid: false,
      transition: { kind: 'move', to: 'failed' },
      answer: { MaLoi: '00' },
    });
  });

  it('verifies over the LoaiBanTin received, whatever it is', () => {
    const callback = goldenJson('callbacks/CONFIRM-paid.json');
    expect(sut({ ...callback, LoaiBanTin: 'RESULT' }, initiated)).toMatchObject({
      kind: 'refused',
      why: 'forged',
    });
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a changed amount', 'callbacks/CONFIRM-paid.json', { SoTien: 15_000 }],
    ['a failure turned into a payment', 'callbacks/CONFIRM-failed.json', { MaLoi: '00' }],
    ['a made-up checksum', 'callbacks/CONFIRM-paid.json', { MaXacThuc: '0'.repeat(64) }],
    ['no checksum', 'callbacks/CONFIRM-paid.json', { MaXacThuc: undefined }],
  ])('refuses a forged callback (%s) with MaLoi 99 and changes nothing', (_, path, change) => {
    const callback = goldenJson(path);
    const decision = sut({ ...callback, ...change }, initiated);
    expect(decision.kind).toBe('refused');
    expect(decision).not.toHaveProperty('transition');
    expect(decision.answer).toMatchObject({
      MaLoi: '99',
      MoTaLoi: 'Các lỗi khác',
      MaThamChieu: 'LT240815004201',
    });
  });

  it.each([
    ['answers/QUERY-pending.json', { kind: 'keep', why: 'pending' }],
    ['answers/QUERY-failed.json', { kind: 'move', to: 'failed' }],
    ['answers/QUERY-paid.json', { kind: 'move', to: 'paid' }],
  ])('reads a replayed QUERY answer (%s) by its TrangThaiGD, not its MaLoi 00', (path, transition) => {
    expect(sut(goldenJson(path), initiated)).toMatchObject({ kind: 'applied', transition });
  });

  it.each(['requests/INIT.json', 'requests/GET_BILL.json'])(
    'refuses our own request (%s) as a result',
    (path) => {
      const decision = sut(goldenJson(path), initiated);
      expect(decision).toMatchObject({ kind: 'refused', answer: { MaLoi: '99' } });
    },
  );

  it('refuses a callback for another partner', () => {
    const otherPartner = { ...goldenJson('callbacks/CONFIRM-paid.json'), MaDoiTac: 'OTHER' };
    expect(sut(otherPartner, initiated)).toMatchObject({
      kind: 'refused',
      why: 'other-partner',
      answer: { MaLoi: '99' },
    });
  });

  it.each([null, 'text', [], { MaLoi: '00' }])('refuses an unreadable callback (%j)', (body) => {
    expect(sut(body, initiated)).toMatchObject({
      kind: 'refused',
      why: 'malformed',
      answer: { MaLoi: '99' },
    });
  });
});

describe(settleCallback.name, () => {
  it('refuses a callback for an unknown MaThamChieu', () => {
    const decision = sut(goldenJson('callbacks/CONFIRM-paid.json'), undefined);
    expect(decision).toMatchObject({ kind: 'refused', why: 'unknown-reference', answer: { MaLoi: '99' } });
  });

  it('answers a repeated callback 00 and changes nothing', () => {
    expect(sut(goldenJson('callbacks/CONFIRM-paid.json'), { ...initiated, state: 'paid' })).toMatchObject({
      kind: 'applied',
      transition: { kind: 'keep', why: 'same' },
      answer: { MaLoi: '00' },
    });
  });

  it('never lets a late failed callback undo a payment a query settled as paid', () => {
    expect(sut(goldenJson('callbacks/CONFIRM-failed.json'), { ...initiated, state: 'paid' })).toMatchObject({
      transition: { kind: 'conflict', held: 'paid', reported: 'failed' },
    });
  });

  it('flags a paid amount other than the one asked, for an operator', () => {
    expect(sut(goldenJson('callbacks/CONFIRM-paid.json'), { ...initiated, amount: 200_000 })).toMatchObject({
      kind: 'applied',
      amountDiffers: true,
    });
  });
});
