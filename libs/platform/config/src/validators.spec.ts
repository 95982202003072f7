import { readConfig } from './read-config';
import { databaseUrl, secret, share } from './validators';

const nodeEnv = process.env.NODE_ENV;
const inMode = (mode: string) => {
  process.env.NODE_ENV = mode;
};

describe(secret.name, () => {
  afterEach(() => inMode(nodeEnv ?? 'test'));

  const spec = () => ({
    SOME_SECRET: secret({ default: 'dev-secret', desc: 'a secret', example: 'from-the-secret-store' }),
  });
  const optional = () => ({
    FIRST_TOKEN: secret({ default: '', optional: true, desc: 'an optional secret' }),
  });

  it('takes the development default outside production', () => {
    inMode('development');
    expect(readConfig(spec(), {}).SOME_SECRET).toBe('dev-secret');
    expect(readConfig(spec(), { SOME_SECRET: '' }).SOME_SECRET).toBe('');
  });

  it('refuses the default in production, naming the key', () => {
    inMode('production');
    expect(() => readConfig(spec(), { SOME_SECRET: 'dev-secret' })).toThrow(/SOME_SECRET \(.*not accepted/);
  });

  it('needs the key in production', () => {
    inMode('production');
    expect(() => readConfig(spec(), {})).toThrow(/SOME_SECRET/);
    expect(readConfig(spec(), { SOME_SECRET: 'a real one' }).SOME_SECRET).toBe('a real one');
  });

  it.each(['', '   '])('refuses an empty value (%j) in production, naming the key', (value) => {
    inMode('production');
    expect(() => readConfig(spec(), { SOME_SECRET: value })).toThrow(/SOME_SECRET \(.*empty/);
  });

  it("refuses its documented example and another secret's default in production", () => {
    inMode('development');
    const other = { OTHER_SECRET: secret({ default: 'other-dev-default', desc: 'another secret' }) };
    inMode('production');
    expect(() => readConfig(spec(), { SOME_SECRET: 'from-the-secret-store' })).toThrow(/SOME_SECRET/);
    expect(() => readConfig(spec(), { SOME_SECRET: 'Other-Dev-Default' })).toThrow(/SOME_SECRET/);
    expect(() => readConfig(spec(), { SOME_SECRET: 'changeme' })).toThrow(/SOME_SECRET/);
    expect(readConfig(other, { OTHER_SECRET: 'a real one' }).OTHER_SECRET).toBe('a real one');
  });

  it('lets an optional secret stay empty in production, but never a known value', () => {
    inMode('production');
    expect(readConfig(optional(), {}).FIRST_TOKEN).toBe('');
    expect(readConfig(optional(), { FIRST_TOKEN: '' }).FIRST_TOKEN).toBe('');
    expect(() => readConfig(optional(), { FIRST_TOKEN: 'dev-secret' })).toThrow(/FIRST_TOKEN/);
  });
});

describe(databaseUrl.name, () => {
  afterEach(() => inMode(nodeEnv ?? 'test'));

  const spec = () => ({
    DATABASE_URL: databaseUrl({ default: 'postgres://postgres@127.0.0.1:5432/test', desc: 'the database' }),
  });

  it('takes the local superuser with no password outside production', () => {
    inMode('development');
    expect(readConfig(spec(), {}).DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/test');
  });

  it.each([
    ['no value (the default)', undefined, /DATABASE_URL/],
    ['the default', 'postgres://postgres@127.0.0.1:5432/test', /DATABASE_URL \(.*postgres superuser/],
    [
      'a user with no password',
      'postgres://lienthong@db:5432/lienthong',
      /DATABASE_URL \(.*lienthong has no/,
    ],
    ['an empty password', 'postgres://lienthong:@db:5432/lienthong', /DATABASE_URL \(.*no password/],
    ['no user', 'postgres://db:5432/lienthong', /DATABASE_URL \(.*no user/],
    ['a known password', 'postgres://postgres:postgres@db:5432/lienthong', /DATABASE_URL \(.*not accepted/],
    ['no URL', 'host=db user=lienthong', /DATABASE_URL \(.*not a URL/],
  ])('refuses %s in production, naming the key', (_case, value, message) => {
    inMode('production');
    const env = value === undefined ? {} : { DATABASE_URL: value };
    expect(() => readConfig(spec(), env)).toThrow(message);
  });

  it('takes a user with a password in production', () => {
    inMode('production');
    const url = 'postgres://lienthong:s3cr%40t-from-the-store@db:5432/lienthong';
    expect(readConfig(spec(), { DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });
});

describe('share', () => {
  const spec = () => ({ SOME_SHARE: share({ default: 0.3, desc: 'a share' }) });

  it('takes a share from 0 to 1 and refuses anything else, naming the key', () => {
    expect(readConfig(spec(), {}).SOME_SHARE).toBe(0.3);
    expect(readConfig(spec(), { SOME_SHARE: '1' }).SOME_SHARE).toBe(1);
    for (const bad of ['1.5', '-0.1', 'half', ' '])
      expect(() => readConfig(spec(), { SOME_SHARE: bad })).toThrow(/SOME_SHARE/);
  });
});
