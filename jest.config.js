/** Unit tests live beside the code (`libs/**\/*.spec.ts`); end-to-end tests run on the real broker and database. */
const transform = {
  // Type-checking is `npm run lint`'s job; the tests only transpile, which keeps them fast.
  '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
};
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' });

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      slowTestThreshold: 60,
    },
    {
      // Faults that stop shared services (the broker, PostgreSQL), and long runs under injected faults
      // that want the machine to themselves: run alone, by npm run test:faults. The shared broker of the
      // e2e tests serves the latter; the former start brokers of their own.
      displayName: 'faults',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/test/faults/**/*.faults-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      slowTestThreshold: 120,
    },
  ],
};
