// @ts-check
import eslint from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

// no-restricted-imports in a later block replaces an earlier one's list, so each block states its whole list.
const entryFilesOnly = {
  group: ['@lienthong/*/*'],
  message: 'Import a lib through its entry file (@lienthong/<lib>).',
};
const noApps = { group: ['**/apps/**'], message: 'Libs never import apps.' };
const noConnectorCode = {
  group: [
    '@lienthong/national-portal',
    '@lienthong/population',
    '@lienthong/documents',
    '@lienthong/payment',
    '@lienthong/national-score',
    '@lienthong/kpi',
    '@lienthong/xml',
    '**/national-portal/src/**',
    '**/population/src/**',
    '**/documents/src/**',
    '**/connectors/payment/src/**',
    '**/xml/src/**',
  ],
  message:
    "A sandbox is the other side of a contract: it must not import a connector lib, the connectors' XML reader nor Lienthong's own scoring (write its own wire-format and formula code from DOMAIN.md).",
};
const restrictedImports = (...patterns) => ['error', { patterns }];

// Libs are grouped by layer (libs/<layer>/<lib>); a lib imports its own layer and the layers below, never above.
const layers = ['platform', 'pipeline', 'delivery', 'connectors', 'operations', 'testbed'];
const libsOfLayer = (layer) => readdirSync(`${import.meta.dirname}/libs/${layer}`);
const noHigherLayers = (layer) => {
  const above = layers.slice(layers.indexOf(layer) + 1);
  return {
    group: above.flatMap((higher) => libsOfLayer(higher).map((lib) => `@lienthong/${lib}`)),
    message: `A ${layer} lib never imports a lib of a higher layer (${above.join(', ')}): move the shared code down.`,
  };
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.lienthong/**',
      'libs/platform/schemas/src/generated/**',
      'coverage/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { import: importPlugin },
    settings: {
      'import/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import/extensions': ['.ts', '.js'],
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import/no-cycle': 'error',
      'no-restricted-imports': restrictedImports(entryFilesOnly),
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(entryFilesOnly, noApps),
    },
  },
  ...layers.slice(0, -1).map((layer) => ({
    files: [`libs/${layer}/**/*.ts`],
    rules: { 'no-restricted-imports': restrictedImports(entryFilesOnly, noApps, noHigherLayers(layer)) },
  })),
  {
    // A sandbox is the other side of a contract: it reads and writes the wire format with code of its
    // own (written from DOMAIN.md and golden files), so a contract misread by a connector is never mirrored.
    files: ['libs/testbed/sandboxes/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(entryFilesOnly, noApps, noConnectorCode),
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
