import { lookupAnswer, soapFault, verifyAnswer } from './gateway-answers';
import { CITIZEN_NAMESPACE, GATEWAY_NAMESPACE, SOAP_NAMESPACE } from './gateway.contract';
import type { XmlNode } from '../xml';
import { childrenNamed, readGatewayXml } from './gateway-xml';
import { goldenMessage } from './golden-messages.fixture';
import type { CitizenRecord } from './population-sandbox.registry';

/** DOMAIN.md's citizen, complete, as test/fixtures/contracts/population/answers/lookup-whole-name-in-ten.xml has them. */
const hangGa = {
  MaTinhThanh: '01',
  MaQuanHuyen: '002',
  MaPhuongXa: '00037',
  ChiTiet: 'Số 12 ngõ 34 phố Hàng Gà',
  QuocGia: 'VN',
};
const cuong: CitizenRecord = {
  SoDinhDanh: '001068403043',
  SoCMND: '',
  HoVaTen: { Ho: '', ChuDem: '', Ten: 'ĐỖ VĂN CƯỜNG' },
  GioiTinh: '1',
  DanToc: '01',
  TonGiao: '00',
  NgayThangNamSinh: { NgayThangNam: '19680722', Nam: '1968' },
  ThuongTru: hangGa,
  NoiOHienTai: hangGa,
  QueQuan: { MaTinhThanh: '34', MaQuanHuyen: '', MaPhuongXa: '', ChiTiet: '', QuocGia: 'VN' },
  QuocTich: 'VN',
  ChuHo: { QuanHe: 'Chủ hộ', SoDinhDanh: '001068403043', HoVaTen: 'ĐỖ VĂN CƯỜNG' },
};

/** The one element under the SOAP Body, read back with the sandbox's own reader. */
function bodyContent(xml: string): XmlNode {
  const envelope = readGatewayXml(xml);
  expect(envelope).toMatchObject({ ns: SOAP_NAMESPACE, local: 'Envelope' });
  const [body] = childrenNamed(envelope, SOAP_NAMESPACE, 'Body');
  expect(body.kids).toHaveLength(1);
  return body.kids[0];
}
const fields = (parent: XmlNode) => parent.kids.map((kid) => [kid.local, kid.text]);

describe(lookupAnswer.name, () => {
  describe('real style', () => {
    it('writes DOMAIN.md’s shape byte for byte', () => {
      expect(lookupAnswer(cuong, 'real')).toBe(goldenMessage('answers/lookup-whole-name-in-ten.xml'));
      expect(lookupAnswer(undefined, 'real')).toBe(goldenMessage('answers/lookup-not-found.xml'));
    });

    it('puts the collection directly under the Body, empty elements kept', () => {
      const collection = bodyContent(lookupAnswer(cuong, 'real'));
      expect(collection).toMatchObject({ ns: CITIZEN_NAMESPACE, local: 'CongdanCollection' });
      const [citizen] = childrenNamed(collection, CITIZEN_NAMESPACE, 'CongDan');
      const [name] = childrenNamed(citizen, CITIZEN_NAMESPACE, 'HoVaTen');
      expect(fields(name)).toEqual([
        ['Ho', ''],
        ['ChuDem', ''],
        ['Ten', 'ĐỖ VĂN CƯỜNG'],
      ]);
      expect(childrenNamed(citizen, CITIZEN_NAMESPACE, 'SoCMND')).toMatchObject([{ text: '' }]);
    });
  });

  describe('wrapped style', () => {
    it('wraps the collection, in the default namespace, in TraCuuThongTinCongDanResponse', () => {
      const response = bodyContent(lookupAnswer(cuong, 'wrapped'));
      expect(response).toMatchObject({
        ns: GATEWAY_NAMESPACE,
        local: 'TraCuuThongTinCongDanResponse',
      });
      const [collection] = childrenNamed(response, CITIZEN_NAMESPACE, 'CongdanCollection');
      const [citizen] = childrenNamed(collection, CITIZEN_NAMESPACE, 'CongDan');
      expect(fields(citizen).slice(0, 2)).toEqual([
        ['SoDinhDanh', '001068403043'],
        ['HoVaTen', ''],
      ]);
      // Empty elements are left out: no SoCMND, no Ho, no ChuDem.
      expect(fields(childrenNamed(citizen, CITIZEN_NAMESPACE, 'HoVaTen')[0])).toEqual([
        ['Ten', 'ĐỖ VĂN CƯỜNG'],
      ]);
    });

    it('writes nobody found as an empty collection, on one line', () => {
      const sut = lookupAnswer(undefined, 'wrapped');
      expect(sut).not.toContain('\n');
      const [collection] = bodyContent(sut).kids;
      expect(collection).toMatchObject({ local: 'CongdanCollection', kids: [] });
    });
  });

  it('escapes text', () => {
    const answer = lookupAnswer({ ...cuong, ThuongTru: { ...hangGa, ChiTiet: 'Ngõ 5 <A> & B' } }, 'real');
    expect(answer).toContain('Ngõ 5 &lt;A&gt; &amp; B');
    expect(() => readGatewayXml(answer)).not.toThrow();
  });
});

describe(verifyAnswer.name, () => {
  it.each([
    ['real', [GATEWAY_NAMESPACE, 'TonTai']],
    ['wrapped', [GATEWAY_NAMESPACE, 'XacThucThongTinCongDanResponse']],
  ] as const)('answers TonTai in the %s style', (style, [namespace, localName]) => {
    expect(bodyContent(verifyAnswer(true, style))).toMatchObject({ ns: namespace, local: localName });
    expect(verifyAnswer(false, style)).toContain('TonTai>false<');
  });
});

describe(soapFault.name, () => {
  it('writes a fault shaped as the golden 401 answer', () => {
    const message = 'Xác thực không thành công: chữ ký không hợp lệ hoặc Timestamp đã hết hạn';
    expect(soapFault('Client', message)).toBe(goldenMessage('answers/fault-401-authentication.xml'));
  });
});
