import { goldenMessage } from '../golden-messages.fixture';
import { readLookupAnswer, readVerifyAnswer } from './population-answers';
import { MalformedXmlError, readSoapBody } from './soap-envelope';

const bodyContent = (xml: string) => {
  const body = readSoapBody(xml);
  if ('fault' in body) throw new Error(`unexpected fault ${body.fault.message}`);
  return body.content;
};
const lookupAnswer = (file: string) => readLookupAnswer(bodyContent(goldenMessage(`answers/${file}`)));

const cuong = {
  SoDinhDanh: '001068403043',
  SoCMND: undefined,
  GioiTinh: '1',
  NgayThangNamSinh: { NgayThangNam: '19680722', Nam: '1968' },
};
const mai = {
  SoDinhDanh: '001185012345',
  GioiTinh: '2',
  NgayThangNamSinh: { NgayThangNam: '19850314', Nam: '1985' },
};

describe(readLookupAnswer.name, () => {
  it.each([
    // The real shape: the collection directly under the Body, whole name in Ten, empty Ho and ChuDem.
    ['lookup-domain-md-verbatim.xml', { ...cuong, HoVaTen: { Ten: 'ĐỖ VĂN CƯỜNG' } }],
    ['lookup-whole-name-in-ten.xml', { ...cuong, HoVaTen: { Ten: 'ĐỖ VĂN CƯỜNG' }, QuocTich: 'VN' }],
    ['lookup-compact.xml', { ...cuong, HoVaTen: { Ho: 'Đỗ', ChuDem: 'Văn', Ten: 'Cường' } }],
    [
      'lookup-split-name-other-prefixes.xml',
      { ...mai, SoCMND: '011876543', HoVaTen: { Ho: 'Trần', ChuDem: 'Thị', Ten: 'Mai' } },
    ],
    // The older shape: a TraCuuThongTinCongDanResponse wrapper and the default namespace.
    ['lookup-wrapped-default-namespace.xml', { ...mai, HoVaTen: { Ho: 'TRẦN', ChuDem: 'THỊ', Ten: 'MAI' } }],
    [
      'lookup-old-card-year-only.xml',
      {
        SoDinhDanh: undefined,
        SoCMND: '012345678',
        HoVaTen: { Ten: 'LÊ VĂN TÁM' },
        NgayThangNamSinh: { Nam: '1955', NgayThangNam: undefined },
      },
    ],
  ])('reads %s', (file, expected) => {
    expect(lookupAnswer(file)).toMatchObject(expected);
  });

  it('reads every group of a complete record, an empty element as absent', () => {
    expect(lookupAnswer('lookup-whole-name-in-ten.xml')).toEqual({
      ...cuong,
      HoVaTen: { Ho: undefined, ChuDem: undefined, Ten: 'ĐỖ VĂN CƯỜNG' },
      DanToc: '01',
      TonGiao: '00',
      ThuongTru: expect.objectContaining({ MaTinhThanh: '01', ChiTiet: 'Số 12 ngõ 34 phố Hàng Gà' }),
      NoiOHienTai: expect.objectContaining({ MaPhuongXa: '00037' }),
      QueQuan: { MaTinhThanh: '34', QuocGia: 'VN' },
      QuocTich: 'VN',
      ChuHo: { QuanHe: 'Chủ hộ', SoDinhDanh: '001068403043', HoVaTen: 'ĐỖ VĂN CƯỜNG' },
    });
  });

  it('reads an empty collection as nobody found', () => {
    expect(lookupAnswer('lookup-not-found.xml')).toBeUndefined();
  });

  it.each([
    [
      'a collection outside the citizen namespace',
      goldenMessage('answers/lookup-compact.xml').replace('http://www.mic.gov.vn/dancu/1.0', 'urn:x'),
    ],
    [
      'a CongDan without any ID',
      goldenMessage('answers/lookup-compact.xml').replace(/<ns1:SoDinhDanh>\d+<\/ns1:SoDinhDanh>/, ''),
    ],
    [
      'a CongDan without a name',
      goldenMessage('answers/lookup-domain-md-verbatim.xml').replace(/<ns1:Ten>.*<\/ns1:Ten>/, ''),
    ],
  ])('refuses %s as malformed', (_, xml) => {
    expect(() => readLookupAnswer(bodyContent(xml))).toThrow(MalformedXmlError);
  });
});

describe(readVerifyAnswer.name, () => {
  const envelope = (body: string) =>
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${body}</s:Body></s:Envelope>`;

  it('reads TonTai directly under the Body or in a XacThucThongTinCongDanResponse', () => {
    expect(
      readVerifyAnswer(bodyContent(envelope('<TonTai xmlns="http://dancuquocgia.bca">true</TonTai>'))),
    ).toBe(true);
    const wrapped = envelope(
      '<d:XacThucThongTinCongDanResponse xmlns:d="http://dancuquocgia.bca"><d:TonTai>false</d:TonTai></d:XacThucThongTinCongDanResponse>',
    );
    expect(readVerifyAnswer(bodyContent(wrapped))).toBe(false);
  });

  it('refuses a TonTai that is neither true nor false', () => {
    const answer = envelope('<TonTai xmlns="http://dancuquocgia.bca">1</TonTai>');
    expect(() => readVerifyAnswer(bodyContent(answer))).toThrow(MalformedXmlError);
  });
});

describe(readSoapBody.name, () => {
  it.each([
    ['fault-401-authentication.xml', 'Client'],
    ['fault-500-client-request.xml', 'Client'],
    ['fault-500-server.xml', 'Server'],
  ])('reads the Fault in %s with its code %s, whatever the prefix', (file, code) => {
    expect(readSoapBody(goldenMessage(`answers/${file}`))).toMatchObject({
      fault: { code, message: expect.any(String) },
    });
  });

  it.each([
    ['an HTML page', goldenMessage('answers/html-503-service-unavailable.html')],
    ['a DTD', '<!DOCTYPE x [<!ENTITY a "b">]><x/>'],
    ['no SOAP envelope', '<Envelope><Body/></Envelope>'],
    ['not XML', 'Service Unavailable'],
  ])('refuses %s as malformed', (_, text) => {
    expect(() => readSoapBody(text)).toThrow(MalformedXmlError);
  });
});
