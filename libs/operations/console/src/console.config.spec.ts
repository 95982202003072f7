import { readConfig } from '@lienthong/config';
import { checkAdminToken, consoleConfigSpec } from './console.config';

describe(checkAdminToken.name, () => {
  const config = (env: Record<string, string>) => readConfig(consoleConfigSpec, env);

  it('accepts no first admin token, or a long one', () => {
    expect(() => checkAdminToken(config({}))).not.toThrow();
    expect(() => checkAdminToken(config({ CONSOLE_ADMIN_TOKEN: 'x'.repeat(32) }))).not.toThrow();
  });

  it('refuses a short one, naming the key', () => {
    expect(() => checkAdminToken(config({ CONSOLE_ADMIN_TOKEN: 'admin' }))).toThrow(/CONSOLE_ADMIN_TOKEN/);
  });

  it('binds 127.0.0.1 and port 8080 unless configured', () => {
    expect(config({})).toMatchObject({ CONSOLE_HOST: '127.0.0.1', CONSOLE_PORT: 8080 });
  });

  it('refuses a rate limit of 0 and a token lifetime it cannot read, naming the key', () => {
    expect(() => config({ CONSOLE_RATE_LIMIT_PER_TOKEN: '0' })).toThrow(/CONSOLE_RATE_LIMIT_PER_TOKEN/);
    expect(() => config({ CONSOLE_TOKEN_TTL: '2y' })).toThrow(/CONSOLE_TOKEN_TTL/);
    expect(config({})).toMatchObject({ CONSOLE_TOKEN_TTL: '90d', CONSOLE_RATE_LIMIT_PER_TOKEN: 300 });
  });
});
