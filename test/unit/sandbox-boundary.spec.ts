import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';

jest.setTimeout(120_000);

const probes = {
  portal: { lib: 'testbed/sandboxes', source: `export * from '@lienthong/national-portal';\n` },
  population: { lib: 'testbed/sandboxes', source: `export * from '@lienthong/population';\n` },
  documents: { lib: 'testbed/sandboxes', source: `export * from '@lienthong/documents';\n` },
  payment: { lib: 'testbed/sandboxes', source: `export * from '@lienthong/payment';\n` },
  paymentRelative: {
    lib: 'testbed/sandboxes',
    source: `export * from '../../../connectors/payment/src/payment-checksum';\n`,
  },
  xml: { lib: 'testbed/sandboxes', source: `export * from '@lienthong/xml';\n` },
  sandboxXml: { lib: 'testbed/sandboxes', source: `export * from './xml';\n` },
  relative: {
    lib: 'testbed/sandboxes',
    source: `export * from '../../../connectors/population/src/signature';\n`,
  },
  otherLib: { lib: 'operations/console', source: `export * from '@lienthong/population';\n` },
  lowerLayer: { lib: 'pipeline/routing', source: `export * from '@lienthong/population';\n` },
};

/** Lints probe files placed in libs, in one ESLint run as `npm run lint` does; ESLint's messages per probe. */
function lintProbes(): Record<keyof typeof probes, string> {
  const id = randomBytes(4).toString('hex');
  const files = Object.entries(probes).map(([name, { lib, source }]) => {
    const file = projectPath('libs', lib, 'src', `boundary-probe-${name}-${id}.ts`);
    writeFileSync(file, source);
    return { name, file };
  });
  try {
    const run = spawnSync('npx', ['eslint', '--format', 'json', ...files.map(({ file }) => file)], {
      cwd: projectPath(),
      encoding: 'utf8',
    });
    const results = JSON.parse(run.stdout) as {
      filePath: string;
      messages: { ruleId: string; message: string }[];
    }[];
    return Object.fromEntries(
      files.map(({ name, file }) => [
        name,
        results
          .find((result) => result.filePath === file)!
          .messages.map(({ ruleId, message }) => `${ruleId}: ${message}`)
          .join('\n'),
      ]),
    ) as Record<keyof typeof probes, string>;
  } finally {
    for (const { file } of files) rmSync(file, { force: true });
  }
}

describe('the sandbox and layer boundaries (lint)', () => {
  let messages: Record<keyof typeof probes, string>;

  beforeAll(() => {
    messages = lintProbes();
  });

  it.each(['portal', 'population', 'documents', 'payment', 'paymentRelative', 'xml', 'relative'] as const)(
    'refuses a sandbox importing a connector lib (%s)',
    (probe) => {
      expect(messages[probe]).toMatch(/no-restricted-imports: .*must not import a connector lib/);
    },
  );

  it('lets other libs import a connector lib', () => {
    expect(messages.otherLib).toBe('');
  });

  it('refuses a lib importing a lib of a higher layer', () => {
    expect(messages.lowerLayer).toMatch(
      /no-restricted-imports: .*A pipeline lib never imports a lib of a higher layer/,
    );
  });

  it("lets a sandbox use the sandboxes' own XML reader", () => {
    expect(messages.sandboxXml).toBe('');
  });
});
