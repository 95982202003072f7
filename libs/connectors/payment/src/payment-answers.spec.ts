import { GOLDEN_PARTNER, goldenBytes, goldenJson } from './golden-payment.fixture';
import { readBillAnswer, readInitAnswer, readQueryAnswer } from './payment-answers';

const PAYMENT_URL = 'https://payment-platform.example.vn/pay/LT240815004201';

describe(readInitAnswer.name, () => {
  it.each(['answers/INIT-direct.json', 'answers/INIT-gateway-wrapper.json'])(
    'takes the created transaction from %s',
    (path) => {
      expect(readInitAnswer(goldenJson(path))).toEqual({ kind: 'created', paymentUrl: PAYMENT_URL });
    },
  );

  it('reads a body still in text form', () => {
    const text = goldenBytes('answers/INIT-direct.json').toString('utf8');
    expect(readInitAnswer(text)).toEqual({ kind: 'created', paymentUrl: PAYMENT_URL });
  });

  it('keeps MoTaLoi of a refusal, in either form', () => {
    const direct = { MaLoi: '99', MoTaLoi: 'Trùng mã tham chiếu' };
    expect(readInitAnswer(direct)).toEqual({
      kind: 'refused',
      code: '99',
      description: 'Trùng mã tham chiếu',
    });
    const wrapped = { error_code: '0', message: JSON.stringify(direct) };
    expect(readInitAnswer(wrapped)).toEqual({
      kind: 'refused',
      code: '99',
      description: 'Trùng mã tham chiếu',
    });
    expect(readInitAnswer({ error_code: '401', message: 'Sai thông tin đối tác' })).toEqual({
      kind: 'refused',
      code: '401',
      description: 'Sai thông tin đối tác',
    });
  });

  it.each([
    ['not JSON', '<html>502 Bad Gateway</html>'],
    ['no MaLoi', { MoTaLoi: 'x' }],
    ['00 without a UrlThanhToan', { MaLoi: '00', MoTaLoi: 'Thành công' }],
    ['a wrapper whose message is not JSON', { error_code: '0', message: 'ok' }],
  ])('refuses to read an answer with %s, as retriable', (_, body) => {
    expect(() => readInitAnswer(body)).toThrow(
      expect.objectContaining({ code: 'PAYMENT_BAD_ANSWER', retriable: true }),
    );
  });
});

describe(readQueryAnswer.name, () => {
  const sut = (body: unknown) => readQueryAnswer(body, GOLDEN_PARTNER.secret);

  it('reads TrangThaiGD 1 as paid, with the transaction id and bank', () => {
    expect(sut(goldenJson('answers/QUERY-paid.json'))).toEqual({
      kind: 'paid',
      result: expect.objectContaining({ transactionId: 'PP2408151431220001', bank: 'VCB', amount: 150000 }),
    });
  });

  it('reads TrangThaiGD 3 as pending', () => {
    expect(sut(goldenJson('answers/QUERY-pending.json'))).toEqual({ kind: 'pending' });
  });

  it('reads TrangThaiGD 4 as failed', () => {
    expect(sut(goldenJson('answers/QUERY-failed.json'))).toMatchObject({ kind: 'failed' });
  });

  it('tells a refused query (MaLoi other than 00) from a failed payment', () => {
    expect(sut(goldenJson('answers/refused-checksum.json'))).toEqual({
      kind: 'query-refused',
      code: '99',
      description: 'Sai mã xác thực',
    });
  });

  it('refuses an answer whose MaXacThuc does not verify, before applying anything', () => {
    const forged = { ...goldenJson('answers/QUERY-failed.json'), MaGiaoDich: 'PP9999999999999999' };
    expect(() => sut(forged)).toThrow(expect.objectContaining({ code: 'PAYMENT_ANSWER_UNVERIFIED' }));
    expect(() => readQueryAnswer(goldenJson('answers/QUERY-paid.json'), 'another-secret')).toThrow(
      expect.objectContaining({ code: 'PAYMENT_ANSWER_UNVERIFIED' }),
    );
  });

  it('refuses an unknown TrangThaiGD', () => {
    const unknown = { ...goldenJson('answers/QUERY-paid.json'), TrangThaiGD: '2' };
    expect(() => sut(unknown)).toThrow(expect.objectContaining({ code: 'PAYMENT_BAD_ANSWER' }));
  });
});

describe(readBillAnswer.name, () => {
  const pdf = goldenBytes('answers/GET_BILL-receipt.pdf');
  const { headers } = goldenJson<{ headers: Record<string, string> }>('answers/GET_BILL-receipt.http.json');

  it('keeps the body as the receipt PDF when the Content-Type says so', () => {
    expect(readBillAnswer(headers['Content-Type'], pdf)).toEqual({ kind: 'pdf', pdf });
  });

  it('knows a PDF sent as application/octet-stream by its first bytes', () => {
    expect(readBillAnswer('application/octet-stream', pdf)).toEqual({ kind: 'pdf', pdf });
  });

  it('reads a JSON refusal as not available', () => {
    const body = goldenBytes('answers/GET_BILL-not-paid.json');
    expect(readBillAnswer('application/json; charset=utf-8', body)).toEqual({
      kind: 'not-available',
      code: '99',
      description: 'Giao dịch chưa được thanh toán',
    });
  });

  it('keeps a JSON receipt as data', () => {
    const body = Buffer.from(JSON.stringify({ MaLoi: '00', SoBienLai: '0000123' }));
    expect(readBillAnswer('application/json', body)).toEqual({
      kind: 'json',
      receipt: { MaLoi: '00', SoBienLai: '0000123' },
    });
  });

  it('refuses application/pdf that is no PDF', () => {
    expect(() => readBillAnswer('application/pdf', Buffer.from('<html/>'))).toThrow(
      expect.objectContaining({ code: 'PAYMENT_BAD_ANSWER' }),
    );
  });
});
