import { receiptPath, type PaymentRecord } from '@lienthong/payment';
import { paymentView, refusedCallbackView } from './payment-views';

const at = new Date('2024-08-15T07:30:05Z');

const payment = (extra: Partial<PaymentRecord> = {}): PaymentRecord => ({
  requestId: '7d0c7a52-5a5e-4a39-9b7a-3a3f0c3b9b11',
  reference: 'LT240815004201',
  attempt: 1,
  dossierCode: '000.00.12.H26-240815-0042',
  amount: 150_000,
  channel: 'national',
  state: 'initiated',
  paymentUrl: 'https://pay.example.vn/p/1',
  amountDiffers: false,
  initTime: '20240815143005',
  initiatedAt: at,
  hasReceipt: false,
  updatedAt: at,
  ...extra,
});

describe(paymentView.name, () => {
  it('links the receipt only once one is held', () => {
    expect(paymentView(payment()).receipt).toBeNull();
    expect(paymentView(payment({ state: 'paid', hasReceipt: true })).receipt).toBe(
      receiptPath('LT240815004201'),
    );
  });

  it('says absent fields as null and times as ISO text', () => {
    expect(paymentView(payment())).toMatchObject({
      platformTransactionId: null,
      settledAt: null,
      initiatedAt: '2024-08-15T07:30:05.000Z',
      paymentUrl: 'https://pay.example.vn/p/1',
    });
  });
});

describe(refusedCallbackView.name, () => {
  it("masks the personal data a forged body carries, and keeps the platform's fields", () => {
    const sut = refusedCallbackView({
      reason: 'forged: MaXacThuc does not verify',
      reference: 'LT240815004201',
      body: {
        MaThamChieu: 'LT240815004201',
        MaGiaoDich: 'PP2408151431220001',
        SoTien: 150000,
        ThongTinGiaoDich: 'Nguyen Van An 001092008262 0912345678',
      },
      receivedAt: at,
    });

    const text = JSON.stringify(sut.body);
    expect(text).toContain('PP2408151431220001');
    expect(text).not.toContain('001092008262');
    expect(text).not.toContain('0912345678');
    expect(sut).toMatchObject({
      reference: 'LT240815004201',
      remoteAddress: null,
      receivedAt: at.toISOString(),
    });
  });
});
