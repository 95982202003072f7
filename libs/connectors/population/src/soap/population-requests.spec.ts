import { goldenMessage } from '../golden-messages.fixture';
import type { LookupQuery } from '../population.contract';
import { lookupRequest, verifyRequest } from './population-requests';
import { readSoapBody } from './soap-envelope';

const operation = (xml: string) => {
  const body = readSoapBody(xml);
  if ('fault' in body) throw new Error(`unexpected fault ${body.fault.message}`);
  return body.content;
};

describe(lookupRequest.name, () => {
  // Each golden request, and the query that must produce it: the same elements, namespaces and text.
  it.each<[string, LookupQuery]>([
    [
      'lookup-full-date.xml',
      {
        requestId: '5b0f7c1e-3d2a-4f6b-9c8d-1a2b3c4d5e6f',
        serviceCode: '1.001193',
        officer: 'LIENTHONG',
        unitCode: '000.00.12.H26',
        identity: { kind: 'CCCD', number: '001068403043' },
        fullName: 'Đỗ  Văn Cường',
        birthDate: '1968-07-22',
      },
    ],
    [
      'lookup-year-only.xml',
      {
        requestId: '0c7e2a55-61d4-4b8e-a0f3-6d9b2e4c8a17',
        serviceCode: '2.000488',
        officer: 'CB0042',
        unitCode: '000.00.12.H26',
        identity: { kind: 'CCCD', number: '001185012345' },
        fullName: 'trần thị mai',
        birthDate: '1985',
      },
    ],
    [
      'lookup-old-card-cmnd.xml',
      {
        requestId: '9e4d1b2c-7a6f-4c3e-8b5a-2f1e0d9c8b7a',
        serviceCode: '1.001193',
        officer: 'LIENTHONG',
        unitCode: '000.00.12.H26',
        identity: { kind: 'CMND', number: '012345678' },
        fullName: 'LÊ VĂN TÁM',
        birthDate: '1955',
      },
    ],
  ])('says what %s says', (file, query) => {
    const sut = lookupRequest(query);
    expect(operation(sut)).toEqual(operation(goldenMessage(`requests/ok/${file}`)));
  });

  it('never sends both Nam and NgayThangNam, nor both SoDinhDanh and SoCMND', () => {
    const sut = lookupRequest({
      requestId: 'r1',
      serviceCode: '1.001193',
      officer: 'CB01',
      unitCode: '000.00.12.H26',
      identity: { kind: 'CMND', number: '012345678' },
      fullName: 'Lê Văn Tám',
      birthDate: '1955-03-01',
    });
    expect(sut).toContain('<dan:NgayThangNam>19550301</dan:NgayThangNam>');
    expect(sut).not.toContain('<dan:Nam>');
    expect(sut).toContain('<dan:SoCMND>012345678</dan:SoCMND>');
    expect(sut).not.toContain('SoDinhDanh');
  });

  it('sends no NgayThangNamSinh when the dossier gives no birth date', () => {
    const sut = lookupRequest({
      requestId: 'r1',
      serviceCode: '1.001193',
      officer: 'CB01',
      unitCode: '000.00.12.H26',
      identity: { kind: 'CCCD', number: '001068403043' },
      fullName: 'Đỗ Văn Cường',
    });
    expect(sut).not.toContain('NgayThangNamSinh');
  });
});

describe(verifyRequest.name, () => {
  it('sends XacThucThongTinCongDan with code 033 and the name as the lookup sends it', () => {
    const sut = operation(
      verifyRequest({
        requestId: 'r1',
        officer: 'CB01',
        identity: { kind: 'CCCD', number: '001068403043' },
        fullName: 'Đỗ Văn Cường',
      }),
    );
    expect(sut).toMatchObject({ namespace: 'http://dancuquocgia.bca', localName: 'XacThucThongTinCongDan' });
    const fields = Object.fromEntries(sut.children.map((child) => [child.localName, child.text]));
    expect(fields).toEqual({
      MaYeuCau: 'r1',
      MaTichHop: '033',
      MaCanBo: 'CB01',
      SoDinhDanh: '001068403043',
      HoVaTen: 'DO VAN CUONG',
    });
  });
});
