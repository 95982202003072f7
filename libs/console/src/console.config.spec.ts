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
});
