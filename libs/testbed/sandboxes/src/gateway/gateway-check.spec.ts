import { GatewayCheck } from './gateway-check';
import type { SandboxGatewaySettings } from './sandbox-gateway.config';

const SETTINGS: SandboxGatewaySettings = {
  mode: 'oauth2',
  clientId: 'lienthong',
  clientSecret: 'gateway-secret',
  tokenExpiresS: 3600,
  tokenHeader: 'authorization',
  lgspAccessKey: 'ak',
  lgspSecretKey: 'sk',
};
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const form = { grant_type: 'client_credentials' };

describe(GatewayCheck.name, () => {
  it('issues tokens to the client only, admits them until they are expired, and counts', () => {
    const sut = new GatewayCheck(SETTINGS);
    expect(sut.issue(basic('lienthong', 'wrong'), form)).toBeUndefined();
    const answer = sut.issue(basic('lienthong', 'gateway-secret'), form);
    expect(answer).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(sut.admits({ authorization: `Bearer ${answer?.access_token}` })).toBe(true);
    expect(sut.admits({})).toBe(false);
    sut.expireAll();
    expect(sut.admits({ authorization: `Bearer ${answer?.access_token}` })).toBe(false);
    expect(sut.counts).toEqual({ mode: 'oauth2', issued: 1, refused: 2, tokensUsed: 1 });
  });

  it('reads the token from the configured header', () => {
    const sut = new GatewayCheck({ ...SETTINGS, tokenHeader: 'x-gateway-authorization' });
    const token = sut.issue(undefined, { ...form, client_id: 'lienthong', client_secret: 'gateway-secret' });
    expect(sut.admits({ authorization: `Bearer ${token?.access_token}` })).toBe(false);
    expect(sut.admits({ 'x-gateway-authorization': `Bearer ${token?.access_token}` })).toBe(true);
  });

  it('admits an lgspaccesstoken with the keys, written by hand from the contract', () => {
    const sut = new GatewayCheck({ ...SETTINGS, mode: 'lgsp' });
    const header = (json: string) => ({ lgspaccesstoken: Buffer.from(json, 'utf8').toString('base64') });
    const keys = '"AppName":"Liên thông","PartnerCode":"000.00.00.H26","PartnerCodeCus":""';
    expect(sut.admits(header(`{"AccessKey":"ak","SecretKey":"sk",${keys}}`))).toBe(true);
    expect(sut.admits(header(`{"AccessKey":"ak","SecretKey":"other",${keys}}`))).toBe(false);
    expect(sut.admits(header('{"AccessKey":"ak","SecretKey":"sk"}'))).toBe(false);
    expect(sut.admits({ lgspaccesstoken: 'not base64 at all!' })).toBe(false);
    expect(sut.admits({})).toBe(false);
  });

  it('admits everything with no gateway', () => {
    expect(new GatewayCheck({ ...SETTINGS, mode: 'none' }).admits({})).toBe(true);
  });
});
