import { lgspAccessToken } from './lgsp-access-token';

describe(lgspAccessToken.name, () => {
  it('is base64 of the UTF-8 JSON of the five keys, in their order', () => {
    const sut = lgspAccessToken({
      accessKey: 'ak-01',
      secretKey: 'sk-02',
      appName: 'Liên thông',
      partnerCode: '000.00.00.H26',
      partnerCodeCus: '000.00.00.H26',
    });
    // Written with `printf '%s' '{"AccessKey":"ak-01",…}' | base64`, not by the code under test.
    expect(sut).toBe(
      'eyJBY2Nlc3NLZXkiOiJhay0wMSIsIlNlY3JldEtleSI6InNrLTAyIiwiQXBwTmFtZSI6Ikxpw6puIHRow7RuZyIsIlBhcnRuZXJDb2RlIjoiMDAwLjAwLjAwLkgyNiIsIlBhcnRuZXJDb2RlQ3VzIjoiMDAwLjAwLjAwLkgyNiJ9',
    );
  });
});
