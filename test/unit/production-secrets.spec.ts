import type { ConfigSpecs } from '@lienthong/config';

/**
 * Every secret the apps read, declared as production would see it: the specs are built with
 * NODE_ENV=production, as they are when an app starts in the image.
 */
function productionSpecs(): {
  specs: ConfigSpecs;
  readConfig: typeof import('@lienthong/config').readConfig;
} {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let loaded: ReturnType<typeof productionSpecs> | undefined;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports -- fresh modules, declared in production */
    const specs: ConfigSpecs = {
      ...(require('@lienthong/audit') as typeof import('@lienthong/audit')).auditConfigSpec,
      ...(require('@lienthong/database') as typeof import('@lienthong/database')).databaseConfigSpec,
      ...(require('@lienthong/kafka') as typeof import('@lienthong/kafka')).kafkaConfigSpec,
      ...(require('@lienthong/national-portal') as typeof import('@lienthong/national-portal'))
        .portalConfigSpec,
      ...(require('@lienthong/population') as typeof import('@lienthong/population')).populationConfigSpec,
      ...(require('@lienthong/console') as typeof import('@lienthong/console')).consoleOwnConfigSpec,
      ...(require('@lienthong/personal-data') as typeof import('@lienthong/personal-data')).sealKeysSpec,
    };
    const { readConfig } = require('@lienthong/config') as typeof import('@lienthong/config');
    /* eslint-enable @typescript-eslint/no-require-imports */
    loaded = { specs, readConfig };
  });
  process.env.NODE_ENV = nodeEnv;
  return loaded!;
}

const required = [
  'AUDIT_KEY',
  'PORTAL_PASSWORD',
  'POPULATION_SECRET',
  'POPULATION_API_KEY',
  'POPULATION_AUDIT_KEY',
  'PERSONAL_DATA_IDENTITY_KEY',
  'PERSONAL_DATA_CONTACT_KEY',
];
const optional = ['CONSOLE_ADMIN_TOKEN', 'KAFKA_SASL_PASSWORD'];

/** The development defaults, as written in the specs and docs. */
const developmentDefaults: Record<string, string> = {
  AUDIT_KEY: 'lienthong-dev-audit-log-key',
  PORTAL_PASSWORD: 'lienthong',
  POPULATION_SECRET: 'lienthong-secret',
  POPULATION_API_KEY: 'lienthong-api-key',
  POPULATION_AUDIT_KEY: 'lienthong-audit-key',
  PERSONAL_DATA_IDENTITY_KEY: 'FLQR1IMsNRErJ1IQvXIO60fdUS5g7TgSUp+sRDRiUiQ=',
  PERSONAL_DATA_CONTACT_KEY: '3SAHhonT1ipmWSTYlM+41xUAjoDpj+H16+8Jq3kov78=',
  CONSOLE_ADMIN_TOKEN: 'lt_a-long-random-secret-from-the-secret-store',
  KAFKA_SASL_PASSWORD: 'lienthong-secret',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
};

const errorOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return String((error as Error).message);
  }
  return '';
};

describe('production secrets', () => {
  const nodeEnv = process.env.NODE_ENV;
  const { specs, readConfig } = productionSpecs();
  const read = (env: NodeJS.ProcessEnv) => {
    process.env.NODE_ENV = 'production';
    try {
      return readConfig(specs, env);
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  };
  const good: Record<string, string> = {
    ...Object.fromEntries(
      [...required, ...optional].map((key) => [key, `${key.toLowerCase()}-0f3a9c1e7b2d4856`]),
    ),
    // AES-256 keys: 32 bytes in base64.
    PERSONAL_DATA_IDENTITY_KEY: Buffer.alloc(32, 'identity-0f3a9c1e').toString('base64'),
    PERSONAL_DATA_CONTACT_KEY: Buffer.alloc(32, 'contact-7b2d4856').toString('base64'),
  };
  const goodDatabase = { DATABASE_URL: 'postgres://lienthong:9c1e7b2d4856@db:5432/lienthong' };

  it('starts with real values', () => {
    expect(read({ ...good, ...goodDatabase }).AUDIT_KEY).toBe(good.AUDIT_KEY);
  });

  it('refuses every development default, naming each key', () => {
    const message = errorOf(() => read(developmentDefaults));
    for (const key of [...required, ...optional, 'DATABASE_URL']) expect(message).toContain(`${key} (`);
  });

  it('refuses an empty required secret, naming each key', () => {
    const empty = Object.fromEntries(required.map((key) => [key, '']));
    const message = errorOf(() => read({ ...good, ...goodDatabase, ...empty }));
    for (const key of required) expect(message).toContain(`${key} (`);
    for (const key of optional) expect(message).not.toContain(`${key} (`);
  });

  it('refuses a passwordless database user and the unset database URL', () => {
    expect(errorOf(() => read({ ...good }))).toContain('DATABASE_URL (');
    expect(errorOf(() => read({ ...good, DATABASE_URL: 'postgres://lienthong@db/lienthong' }))).toMatch(
      /DATABASE_URL \(the user lienthong has no password/,
    );
  });
});
