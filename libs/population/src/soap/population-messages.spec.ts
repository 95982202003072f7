import { PopulationOperation, type CitizenRecord } from '../population.contract';
import {
  lookupRequest,
  lookupResponse,
  readLookupResponse,
  readPopulationRequest,
  readVerifyResponse,
  verifyRequest,
  verifyResponse,
} from './population-messages';
import { MalformedXmlError, readSoapBody, soapFault } from './soap-envelope';

const content = (xml: string) => {
  const body = readSoapBody(xml);
  if ('fault' in body) throw new Error(`unexpected fault ${body.fault.message}`);
  return body.content;
};

const query = {
  requestId: 'req-1',
  officer: 'CB01',
  serviceCode: '1.001193',
  unitCode: '000.00.12.H26',
  personalId: '001092008262',
  fullName: 'Nguyễn Thùy Hoa',
  birthDate: '1992-08-02',
};

const record: CitizenRecord = {
  SoDinhDanh: '001092008262',
  HoVaTen: { Ho: 'Nguyễn', ChuDem: 'Thùy', Ten: 'Hoa' },
  GioiTinh: '2',
  DanToc: 'Kinh',
  TonGiao: 'Không',
  NgayThangNamSinh: { Nam: '1992', NgayThangNam: '19920802' },
  ThuongTru: { MaTinhThanh: '01', ChiTiet: 'Số 7 & 9 <Hàng Bạc>', QuocGia: 'VN' },
  QuocTich: 'VN',
  ChuHo: { QuanHe: 'Chủ hộ', SoDinhDanh: '001092008262', HoVaTen: 'NGUYEN THUY HOA' },
};

describe('population SOAP messages', () => {
  it('sends a lookup in the dancuquocgia namespace with code 037, the name unaccented and leading zeros kept', () => {
    const sut = lookupRequest(query);
    expect(sut).toContain('xmlns:dan="http://dancuquocgia.bca"');
    expect(readPopulationRequest(content(sut))).toEqual({
      operation: PopulationOperation.Lookup.name,
      requestId: 'req-1',
      officer: 'CB01',
      personalId: '001092008262',
      oldCardNumber: undefined,
      fullName: 'NGUYEN THUY HOA',
      integrationCode: '037',
      serviceCode: '1.001193',
      unitCode: '000.00.12.H26',
      birthDate: '19920802',
      birthYear: '1992',
    });
  });

  it('sends a verification with code 033', () => {
    const sut = readPopulationRequest(content(verifyRequest(query)));
    expect(sut).toMatchObject({
      operation: 'XacThucThongTinCongDan',
      integrationCode: '033',
      fullName: 'NGUYEN THUY HOA',
    });
  });

  it('reads a lookup answer back into the record, and an empty collection as not found', () => {
    expect(readLookupResponse(content(lookupResponse(record)))).toMatchObject(record);
    expect(lookupResponse(record)).toContain('<CongdanCollection xmlns="http://www.mic.gov.vn/dancu/1.0">');
    expect(readLookupResponse(content(lookupResponse(undefined)))).toBeUndefined();
  });

  it('reads TonTai true and false', () => {
    expect(readVerifyResponse(content(verifyResponse(true)))).toBe(true);
    expect(readVerifyResponse(content(verifyResponse(false)))).toBe(false);
  });

  it('reads a Fault with its code and message', () => {
    expect(readSoapBody(soapFault('Client', 'Sai chữ ký'))).toEqual({
      fault: { code: 'Client', message: 'Sai chữ ký' },
    });
  });

  it.each([
    ['not XML', 'hello'],
    ['a DTD', '<!DOCTYPE x [<!ENTITY a "b">]><x/>'],
    ['no SOAP envelope', '<Envelope><Body/></Envelope>'],
    [
      'an operation outside the namespace',
      lookupRequest(query).replace('http://dancuquocgia.bca', 'http://example.org'),
    ],
    ['no MaYeuCau', lookupRequest({ ...query, requestId: '' })],
  ])('refuses %s as malformed', (_, xml) => {
    expect(() => readPopulationRequest(content(xml))).toThrow(MalformedXmlError);
  });
});
