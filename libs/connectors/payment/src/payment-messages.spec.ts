import type { PaymentRequest } from '@lienthong/schemas';
import { GOLDEN_INIT_TIME, GOLDEN_PARTNER, GOLDEN_REFERENCE, goldenJson } from './golden-payment.fixture';
import { billMessage, initMessage, queryMessage, totalOf } from './payment-messages';

const request = goldenJson<PaymentRequest>('source/payment-request.json');
const attempt = { reference: GOLDEN_REFERENCE, initiatedAt: GOLDEN_INIT_TIME, ip: '10.20.30.40' };

describe(initMessage.name, () => {
  const sut = () => initMessage(request, attempt, GOLDEN_PARTNER);

  it('is the golden INIT, MaXacThuc included, from the golden payment request', () => {
    const golden = goldenJson<Record<string, unknown> & { ThongTinBienLai: Record<string, unknown> }>(
      'requests/INIT.json',
    );
    // The request names the procedure only; the golden file shows a public-service code (MaDVC) of its own.
    const expected = {
      ...golden,
      ThongTinBienLai: { ...golden.ThongTinBienLai, MaDVC: '1.005129', TenDVC: request.procedure.name },
    };
    expect(sut()).toEqual(expected);
  });

  it('sends SoTien as a string and signs the total of every fee line', () => {
    const twoLines: PaymentRequest = {
      ...request,
      fees: [
        { kind: 1, code: 'P01', name: 'Phí thẩm định', amount: 50_000 },
        { kind: 2, code: 'LP01', name: 'Lệ phí', amount: 25_000 },
      ],
    };
    const sut = initMessage(twoLines, attempt, GOLDEN_PARTNER);
    expect(sut.SoTien).toBe('75000');
    expect(sut.ThongTinBienLai.PhiLePhi.map((fee) => [fee.LoaiPhiLePhi, fee.SoTien])).toEqual([
      ['1', '50000'],
      ['2', '25000'],
    ]);
    expect(sut.ThongTinBienLai.DSKhoanNop).toEqual([
      { NoiDung: 'Phí thẩm định', SoTien: '50000' },
      { NoiDung: 'Lệ phí', SoTien: '25000' },
    ]);
    expect(sut.MaXacThuc).not.toBe(initMessage(request, attempt, GOLDEN_PARTNER).MaXacThuc);
  });

  it('leaves out the payer fields the request does not give, and passes those it does', () => {
    const payer = { name: 'Trần Thị Bình', identityNumber: null, commune: 'Hoàn Kiếm', province: 'Hà Nội' };
    const receipt = initMessage({ ...request, payer }, attempt, GOLDEN_PARTNER).ThongTinBienLai;
    expect(receipt).not.toHaveProperty('SoCMNDNguoiNop');
    expect(receipt).not.toHaveProperty('DiaChiNguoiNop');
    expect(receipt).toMatchObject({ HuyenNguoiNop: 'Hoàn Kiếm', TinhNguoiNop: 'Hà Nội' });
  });

  it('writes ThoiGianGD on the 24-hour clock of Hanoi', () => {
    expect(sut().ThoiGianGD).toBe('20240815143005');
  });
});

describe(queryMessage.name, () => {
  it('is the golden QUERY: the INIT time, signed in the lookup order', () => {
    expect(queryMessage(GOLDEN_REFERENCE, GOLDEN_INIT_TIME, GOLDEN_PARTNER)).toEqual(
      goldenJson('requests/QUERY.json'),
    );
  });
});

describe(billMessage.name, () => {
  it('is the golden GET_BILL', () => {
    expect(billMessage(GOLDEN_REFERENCE, GOLDEN_INIT_TIME, GOLDEN_PARTNER)).toEqual(
      goldenJson('requests/GET_BILL.json'),
    );
  });
});

describe(totalOf.name, () => {
  it('adds the fee lines', () => {
    expect(
      totalOf({
        fees: [
          { kind: 1, code: 'a', name: 'a', amount: 1 },
          { kind: 2, code: 'b', name: 'b', amount: 2 },
        ],
      }),
    ).toBe(3);
  });
});
