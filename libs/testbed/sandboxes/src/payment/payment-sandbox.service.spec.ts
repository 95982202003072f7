import { checksumMatches, signed, SignedFields } from './payment-checksum';
import type { PlatformMessageBody } from './payment-platform.contract';
import { PaymentSandboxService } from './payment-sandbox.service';
import { GOLDEN_SECRET, goldenJson, paymentSandbox } from './payment-sandbox.fixture';

const INIT = goldenJson('requests/INIT.json');
const QUERY = goldenJson('requests/QUERY.json');
const GET_BILL = goldenJson('requests/GET_BILL.json');
const REFERENCE = 'LT240815004201';

/** The golden INIT with some fields changed, signed again as a client would. */
const initWith = (changes: PlatformMessageBody) =>
  signed(SignedFields.init, { ...INIT, ...changes }, GOLDEN_SECRET);
const json = (answer: ReturnType<PaymentSandboxService['handle']>) => ('json' in answer ? answer.json : {});

describe(PaymentSandboxService.name, () => {
  let sandbox: ReturnType<typeof paymentSandbox>;

  beforeEach(() => {
    sandbox = paymentSandbox({}, async () => ({ status: 200, body: { MaLoi: '00' } }));
  });

  describe('INIT', () => {
    it('records the golden INIT and answers as the golden direct answer, pointing at its pay page', () => {
      const answer = sandbox.call(INIT);

      expect(answer).toEqual({
        status: 200,
        json: {
          ...goldenJson('answers/INIT-direct.json'),
          UrlThanhToan: `http://sandbox.test/pay/${REFERENCE}`,
        },
      });
      expect(sandbox.store.get(REFERENCE)).toMatchObject({ state: 'pending', amount: 150000, inits: 1 });
      expect(sandbox.sut.payPage(REFERENCE)).toContain('150.000 VND');
    });

    it('answers in the gateway wrapper when configured so, the direct answer as a JSON string', () => {
      sandbox = paymentSandbox({ PAYMENT_SANDBOX_ANSWER_STYLE: 'gateway-wrapper' });
      const golden = goldenJson<{ error_code: string; message: string }>('answers/INIT-gateway-wrapper.json');

      const answer = json(sandbox.call(INIT)) as typeof golden;

      expect(answer.error_code).toBe(golden.error_code);
      expect(JSON.parse(answer.message)).toEqual({
        ...JSON.parse(golden.message),
        UrlThanhToan: `http://sandbox.test/pay/${REFERENCE}`,
      });
    });

    it('refuses a wrong MaXacThuc (the 12-hour time under the 24-hour hash) and records nothing', () => {
      const answer = sandbox.call({ ...INIT, ThoiGianGD: '20240815023005' });

      expect(json(answer)).toEqual(goldenJson('answers/refused-checksum.json'));
      expect(sandbox.store.stats()).toMatchObject({ transactions: 0, checksumRefused: 1 });
    });

    it.each([
      ['an unknown partner', { MaDoiTac: 'OTHER' }, 'Mã đối tác'],
      ['SoTien as a number', { SoTien: 150000 }, 'SoTien'],
      ['SoTien with decimals', { SoTien: '150000.5' }, 'SoTien'],
      ['diacritics in ThongTinGiaoDich', { ThongTinGiaoDich: 'THANH TOÁN HỒ SƠ' }, 'ThongTinGiaoDich'],
      ['a time that is not yyyyMMddHHmmss', { ThoiGianGD: '20240815246005' }, 'ThoiGianGD'],
      ['fee lines that do not add up', { SoTien: '160000' }, 'PhiLePhi'],
      [
        'a fee receipt without its dossier',
        { ThongTinBienLai: { ...(INIT.ThongTinBienLai as object), MaHoSo: '' } },
        'MaHoSo',
      ],
    ])('refuses %s with a non-"00" MaLoi naming it', (_, changes, named) => {
      const answer = json(sandbox.call(initWith(changes)));

      expect(answer.MaLoi).not.toBe('00');
      expect(answer.MoTaLoi).toContain(named);
      expect(sandbox.store.get(REFERENCE)).toBeUndefined();
    });

    it('answers a repeat of the same request as the first, even sent later from elsewhere', () => {
      const first = sandbox.call(INIT);

      const repeat = sandbox.call(initWith({ ThoiGianGD: '20240815143105', Ip: '10.20.30.41' }));

      expect(repeat).toEqual(first);
      expect(sandbox.store.get(REFERENCE)?.inits).toBe(2);
      expect(sandbox.store.stats()).toMatchObject({ transactions: 1, inits: 1, repeatsAnswered: 1 });
    });

    it('refuses a reference already used for another payment, keeping the first', () => {
      sandbox.call(INIT);
      const receipt = INIT.ThongTinBienLai as PlatformMessageBody;
      const other = initWith({
        SoTien: '50000',
        ThongTinBienLai: {
          ...receipt,
          DSKhoanNop: [{ NoiDung: 'Phí', SoTien: '50000' }],
          PhiLePhi: [{ LoaiPhiLePhi: '1', MaPhiLePhi: 'P01', TenPhiLePhi: 'Phí', SoTien: '50000' }],
        },
      });

      const answer = json(sandbox.call(other));

      expect(answer).toMatchObject({ MaLoi: '99', MoTaLoi: 'Mã tham chiếu đã tồn tại với nội dung khác' });
      expect(sandbox.store.get(REFERENCE)?.amount).toBe(150000);
      expect(sandbox.store.stats()).toMatchObject({ inits: 1, duplicatesRefused: 1 });
    });
  });

  describe('QUERY', () => {
    beforeEach(() => sandbox.call(INIT));

    it('answers TrangThaiGD 3 before the payment is settled, exactly as the golden pending answer', () => {
      expect(json(sandbox.call(QUERY))).toEqual(goldenJson('answers/QUERY-pending.json'));
    });

    it.each([
      ['paid', '1', 'answers/QUERY-paid.json'],
      ['failed', '4', 'answers/QUERY-failed.json'],
    ] as const)(
      'answers a %s payment with TrangThaiGD %s, its result signed in the result order',
      (outcome, state, file) => {
        const settled = sandbox.settlement.settle(REFERENCE, outcome)!;

        const answer = json(sandbox.call(QUERY));

        expect(answer).toEqual({
          ...goldenJson(file),
          TrangThaiGD: state,
          MaGiaoDich: settled.transactionId,
          MaNganHang: settled.bank,
          ThoiGianGD: settled.settledTime,
          MaXacThuc: expect.any(String),
        });
        expect(checksumMatches(SignedFields.result, answer, GOLDEN_SECRET)).toBe(true);
      },
    );

    it('refuses a QUERY with a wrong MaXacThuc or an unknown reference', () => {
      expect(json(sandbox.call({ ...QUERY, MaXacThuc: '0'.repeat(64) })).MoTaLoi).toBe('Sai mã xác thực');
      const unknown = signed(SignedFields.lookup, { ...QUERY, MaThamChieu: 'LT-UNKNOWN' }, GOLDEN_SECRET);
      expect(json(sandbox.call(unknown))).toMatchObject({ MaLoi: '99', MoTaLoi: 'Không tìm thấy giao dịch' });
    });
  });

  describe('GET_BILL', () => {
    beforeEach(() => sandbox.call(INIT));

    it('answers JSON with a non-"00" MaLoi while the payment is not paid', () => {
      expect(json(sandbox.call(GET_BILL))).toEqual(goldenJson('answers/GET_BILL-not-paid.json'));
    });

    it('answers a receipt PDF once paid', () => {
      const settled = sandbox.settlement.settle(REFERENCE, 'paid')!;

      const answer = sandbox.call(GET_BILL);

      expect('pdf' in answer && answer.pdf.toString('latin1')).toMatch(/^%PDF-1\.4[\s\S]*%%EOF\n$/);
      const text = 'pdf' in answer ? answer.pdf.toString('latin1') : '';
      expect(text).toContain(REFERENCE);
      expect(text).toContain(settled.transactionId);
      expect(text).toContain('Nguoi nop: Nguyen Van An');
    });
  });

  it('refuses a message type it does not know', () => {
    expect(json(sandbox.call({ ...QUERY, LoaiBanTin: 'REFUND' }))).toMatchObject({ MaLoi: '99' });
    expect(json(sandbox.call('not an object'))).toMatchObject({ MaLoi: '99' });
  });
});
