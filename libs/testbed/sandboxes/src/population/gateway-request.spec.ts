import { goldenMessage } from './golden-messages.fixture';
import { readGatewayRequest } from './gateway-request';
import { UnreadableRequest } from './gateway-xml';

const lookup = { operation: 'TraCuuThongTinCongDan' };

describe(readGatewayRequest.name, () => {
  it.each([
    [
      'lookup-full-date.xml',
      {
        requestId: '5b0f7c1e-3d2a-4f6b-9c8d-1a2b3c4d5e6f',
        officer: 'LIENTHONG',
        serviceCode: '1.001193',
        unitCode: '000.00.12.H26',
        personalId: '001068403043',
        oldCardNumber: undefined,
        fullName: 'DO VAN CUONG',
        birthDate: '19680722',
        birthYear: undefined,
      },
    ],
    [
      'lookup-year-only.xml',
      {
        requestId: '0c7e2a55-61d4-4b8e-a0f3-6d9b2e4c8a17',
        officer: 'CB0042',
        serviceCode: '2.000488',
        unitCode: '000.00.12.H26',
        personalId: '001185012345',
        oldCardNumber: undefined,
        fullName: 'TRAN THI MAI',
        birthDate: undefined,
        birthYear: '1985',
      },
    ],
    [
      'lookup-old-card-cmnd.xml',
      {
        requestId: '9e4d1b2c-7a6f-4c3e-8b5a-2f1e0d9c8b7a',
        officer: 'LIENTHONG',
        serviceCode: '1.001193',
        unitCode: '000.00.12.H26',
        personalId: undefined,
        oldCardNumber: '012345678',
        fullName: 'LE VAN TAM',
        birthDate: undefined,
        birthYear: '1955',
      },
    ],
    [
      'lookup-soap-tns-prefixes-compact.xml',
      {
        requestId: 'REQ-2024-000117',
        officer: 'CB0007',
        serviceCode: '1.005129',
        unitCode: '000.00.03.H26',
        personalId: '001068403043',
        oldCardNumber: undefined,
        fullName: 'DO VAN CUONG',
        birthDate: '19680722',
        birthYear: undefined,
      },
    ],
    [
      'lookup-default-namespace.xml',
      {
        requestId: 'REQ-2024-000118',
        officer: 'CB0007',
        serviceCode: '1.001193',
        unitCode: '000.00.12.H26',
        personalId: '001185012345',
        oldCardNumber: undefined,
        fullName: 'TRAN THI MAI',
        birthDate: '19850314',
        birthYear: undefined,
      },
    ],
  ])('reads %s', (file, expected) => {
    expect(readGatewayRequest(goldenMessage(`requests/ok/${file}`))).toEqual({ ...lookup, ...expected });
  });

  it.each([
    ['lookup-both-birth-forms.xml', /exactly one of Nam or NgayThangNam/],
    ['lookup-empty-birth-group.xml', /exactly one of Nam or NgayThangNam/],
    ['lookup-malformed-birth-date.xml', /NgayThangNam must be yyyyMMdd/],
    ['lookup-malformed-birth-year.xml', /Nam must be yyyy/],
    ['lookup-without-ma-yeu-cau.xml', /MaYeuCau is required/],
    ['lookup-empty-ma-can-bo.xml', /MaCanBo is required/],
    ['lookup-so-dinh-danh-11-digits.xml', /SoDinhDanh must have 12 digits/],
    ['lookup-so-cmnd-8-digits.xml', /SoCMND must have 9 digits/],
    ['lookup-without-personal-id.xml', /exactly one of SoDinhDanh or SoCMND/],
    ['lookup-both-personal-ids.xml', /exactly one of SoDinhDanh or SoCMND/],
    ['lookup-wrong-integration-code.xml', /MaTichHop must be 037/],
    ['lookup-operation-in-another-namespace.xml', /unknown operation \{http:\/\/example.org\/dancu\}/],
    ['lookup-with-doctype.xml', /DTD is not allowed/],
    ['lookup-without-soap-envelope.xml', /SOAP 1.1 Envelope/],
  ])('refuses %s', (file, why) => {
    const read = () => readGatewayRequest(goldenMessage(`requests/not-ok/${file}`));
    expect(read).toThrow(UnreadableRequest);
    expect(read).toThrow(why);
  });

  it('reads a verification, whose integration code may be left out but whose name may not', () => {
    const verification = (fields: string) =>
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>` +
      `<d:XacThucThongTinCongDan xmlns:d="http://dancuquocgia.bca"><d:MaYeuCau>r1</d:MaYeuCau>` +
      `<d:MaCanBo>CB01</d:MaCanBo><d:SoDinhDanh>001068403043</d:SoDinhDanh>${fields}` +
      `</d:XacThucThongTinCongDan></s:Body></s:Envelope>`;
    expect(readGatewayRequest(verification('<d:HoVaTen>DO VAN CUONG</d:HoVaTen>'))).toMatchObject({
      operation: 'XacThucThongTinCongDan',
      fullName: 'DO VAN CUONG',
    });
    expect(() => readGatewayRequest(verification(''))).toThrow(/HoVaTen is required/);
  });
});
