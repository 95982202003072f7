import { createHash } from 'node:crypto';
import { normalizeCitizenName } from './population.contract';
import { populationAuthorization, populationSignature, readPopulationAuthorization } from './signature';

describe(normalizeCitizenName.name, () => {
  it.each([
    ['Nguyễn Thùy Hoa', 'NGUYEN THUY HOA'],
    ['NGUYỄN THÙY HOA', 'NGUYEN THUY HOA'],
    ['  đặng   Đức  Thắng ', 'DANG DUC THANG'],
    ['Huỳnh Thị Quỳnh', 'HUYNH THI QUYNH'],
    // Decomposed input (NFD, as some keyboards and browsers send it) gives the same result.
    ['Lê Minh Tuấn'.normalize('NFD'), 'LE MINH TUAN'],
  ])('writes %j as %j', (name, expected) => {
    expect(normalizeCitizenName(name)).toBe(expected);
  });
});

describe(populationSignature.name, () => {
  it('is sha256hex of url + user + timestamp + secret', () => {
    const expected = createHash('sha256').update('http://gw/apiu1700000000000s').digest('hex');
    expect(populationSignature('http://gw/api', 'u', '1700000000000', 's')).toBe(expected);
  });

  it('travels as Basic base64(user:signature), which reads back', () => {
    const sut = populationAuthorization('http://gw/api', 'lienthong', '1700000000000', 'secret');
    const decoded = Buffer.from(sut.replace('Basic ', ''), 'base64').toString();
    expect(decoded).toBe(
      `lienthong:${populationSignature('http://gw/api', 'lienthong', '1700000000000', 'secret')}`,
    );
    expect(readPopulationAuthorization(sut)).toEqual({
      user: 'lienthong',
      signature: populationSignature('http://gw/api', 'lienthong', '1700000000000', 'secret'),
    });
    expect(readPopulationAuthorization('Bearer abc')).toBeUndefined();
  });
});
