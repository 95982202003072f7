import { readConfig } from './read-config';
import { secret } from './validators';

describe(secret.name, () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  const spec = () => ({ SOME_SECRET: secret({ default: 'dev-secret', desc: 'a secret' }) });

  it('takes the development default outside production', () => {
    process.env.NODE_ENV = 'development';
    expect(readConfig(spec(), {}).SOME_SECRET).toBe('dev-secret');
  });

  it('refuses the default in production, naming the key', () => {
    process.env.NODE_ENV = 'production';
    expect(() => readConfig(spec(), { SOME_SECRET: 'dev-secret' })).toThrow(/SOME_SECRET \(.*not accepted/);
  });

  it('needs the key in production', () => {
    process.env.NODE_ENV = 'production';
    expect(() => readConfig(spec(), {})).toThrow(/SOME_SECRET/);
    expect(readConfig(spec(), { SOME_SECRET: 'a real one' }).SOME_SECRET).toBe('a real one');
  });
});
