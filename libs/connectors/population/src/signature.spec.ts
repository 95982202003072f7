import { createHash } from 'node:crypto';
import { populationAuthorization, populationSignature } from './signature';

describe(populationSignature.name, () => {
  it('is sha256hex of url + user + timestamp + secret', () => {
    const expected = createHash('sha256').update('http://gw/apiu1700000000000s').digest('hex');
    expect(populationSignature('http://gw/api', 'u', '1700000000000', 's')).toBe(expected);
  });
});

describe(populationAuthorization.name, () => {
  it('travels as Basic base64(user:signature), never with the secret', () => {
    const sut = populationAuthorization('http://gw/api', 'lienthong', '1700000000000', 'secret');
    const decoded = Buffer.from(sut.replace(/^Basic /, ''), 'base64').toString();
    expect(decoded).toBe(
      `lienthong:${populationSignature('http://gw/api', 'lienthong', '1700000000000', 'secret')}`,
    );
    expect(decoded).not.toContain('secret');
  });
});
