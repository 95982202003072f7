import { clientCredentialsOf, GatewayTokens } from './gateway-tokens';

describe(GatewayTokens.name, () => {
  const client = { clientId: 'key', clientSecret: 'secret-of-key' };
  let now: number;
  let sut: GatewayTokens;

  beforeEach(() => {
    now = 1_000_000;
    sut = new GatewayTokens(client, 60, () => now);
  });

  it('accepts a token it issued until its expires_in runs out', () => {
    const { access_token: token, expires_in: expiresIn } = sut.issue(client)!;

    now += expiresIn * 1000 - 1;
    expect(sut.accepts(`Bearer ${token}`)).toBe(true);
    now += 1;
    expect(sut.accepts(`Bearer ${token}`)).toBe(false);
  });

  it('issues nothing to other credentials and accepts no other header', () => {
    expect(sut.issue({ ...client, clientSecret: 'x' })).toBeUndefined();
    const { access_token: token } = sut.issue(client)!;
    expect(sut.accepts(undefined)).toBe(false);
    expect(sut.accepts(token)).toBe(false);
    expect(sut.accepts('Bearer another')).toBe(false);
  });

  it('reads client credentials from Basic auth or from the form', () => {
    const basic = `Basic ${Buffer.from('key:secret:with:colons').toString('base64')}`;

    expect(clientCredentialsOf(basic, {})).toEqual({ clientId: 'key', clientSecret: 'secret:with:colons' });
    expect(clientCredentialsOf(undefined, { client_id: 'a', client_secret: 'b' })).toEqual({
      clientId: 'a',
      clientSecret: 'b',
    });
    expect(clientCredentialsOf(undefined, { client_id: 'a' })).toBeUndefined();
  });
});
