import { ConfigError, readConfig } from '@lienthong/config';
import { gatewayConfigSpec, gatewayOf } from './gateway.config';

describe(gatewayOf.name, () => {
  const sut = (env: Record<string, string>) =>
    gatewayOf('PORTAL', readConfig(gatewayConfigSpec('PORTAL'), env));

  it('goes direct by default', () => {
    expect(sut({})).toEqual({ auth: 'none' });
  });

  it('names every key oauth2 lacks', () => {
    const error = (() => {
      try {
        return sut({ PORTAL_GATEWAY_AUTH: 'oauth2', PORTAL_GATEWAY_CLIENT_ID: 'lienthong' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(Object.keys((error as ConfigError).keys)).toEqual([
      'PORTAL_GATEWAY_TOKEN_URL',
      'PORTAL_GATEWAY_CLIENT_SECRET',
    ]);
  });

  it('refuses a token URL that is no http(s) URL', () => {
    expect(() =>
      sut({
        PORTAL_GATEWAY_AUTH: 'oauth2',
        PORTAL_GATEWAY_TOKEN_URL: 'ftp://gateway/token',
        PORTAL_GATEWAY_CLIENT_ID: 'id',
        PORTAL_GATEWAY_CLIENT_SECRET: 'secret-value',
      }),
    ).toThrow(/PORTAL_GATEWAY_TOKEN_URL \(not an http\(s\) URL\)/);
  });

  it('names the lgsp keys it lacks, and reads the five keys', () => {
    expect(() => sut({ PORTAL_GATEWAY_AUTH: 'lgsp' })).toThrow(
      /PORTAL_GATEWAY_LGSP_ACCESS_KEY .*PORTAL_GATEWAY_LGSP_SECRET_KEY/,
    );
    expect(
      sut({
        PORTAL_GATEWAY_AUTH: 'lgsp',
        PORTAL_GATEWAY_LGSP_ACCESS_KEY: 'ak',
        PORTAL_GATEWAY_LGSP_SECRET_KEY: 'sk',
        PORTAL_GATEWAY_LGSP_APP_NAME: 'LIENTHONG',
        PORTAL_GATEWAY_LGSP_PARTNER_CODE: '000.00.00.H26',
      }),
    ).toEqual({
      auth: 'lgsp',
      prefix: 'PORTAL',
      keys: {
        accessKey: 'ak',
        secretKey: 'sk',
        appName: 'LIENTHONG',
        partnerCode: '000.00.00.H26',
        partnerCodeCus: '',
      },
    });
  });

  it('documents every key it declares', () => {
    for (const [key, spec] of Object.entries(gatewayConfigSpec('PAYMENT'))) {
      expect([key, typeof (spec as { desc?: unknown }).desc]).toEqual([key, 'string']);
    }
    expect(Object.keys(gatewayConfigSpec('PAYMENT'))).toContain('PAYMENT_GATEWAY_LGSP_PARTNER_CODE_CUS');
  });
});
