import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface DocsGenerator {
  renderDocs(load: (lib: string) => Record<string, unknown>): Record<string, string>;
  listLibs(): { layer: string; lib: string; dir: string }[];
  sourcesOf(dir: string): string[];
}

const root = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the generator is a plain JS script
const generator = require('../../scripts/generate-docs.js') as DocsGenerator;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- every lib's index, by its alias
const loadFromSources = (lib: string) => require(`@lienthong/${lib}`) as Record<string, unknown>;
const committed = (file: string) => readFileSync(join(root, file), 'utf8');

/** Every TypeScript source of the libs and apps (tests left out), with its text. */
const sources = () =>
  [...generator.listLibs().map(({ dir }) => join(dir, 'src')), join(root, 'apps')]
    .flatMap((dir) => generator.sourcesOf(dir))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));

describe('generated docs', () => {
  let pages: Record<string, string>;

  beforeAll(() => {
    pages = generator.renderDocs(loadFromSources);
  }, 60_000);

  it.each(['docs/configuration.md', 'docs/metrics.md'])(
    '%s is what the code says (else run npm run docs:generate)',
    (file) => {
      expect(committed(file)).toBe(pages[file]);
    },
  );

  it("lists every config key a lib declares, also in a spec no lib's index exports", () => {
    const declared = sources().flatMap(({ text }) =>
      [...text.matchAll(/^\s+([A-Z][A-Z0-9_]+): \w+\(\{[^]*?\bdesc:/gm)].map((match) => match[1]),
    );
    expect(declared.length).toBeGreaterThan(100);
    const documented = pages['docs/configuration.md'];
    expect(declared.filter((key) => !documented.includes(`| \`${key}\``))).toEqual([]);
  });

  it('lists every metric the code creates, also one created in a constructor or a module no index loads', () => {
    const created = sources().flatMap(({ text }) =>
      [
        ...text.matchAll(/new (?:Counter|Gauge|Histogram|Summary)(?:<[^>]*>)?\(\{[^}]*?\bname: '([^']+)'/g),
      ].map((match) => match[1]),
    );
    expect(created.length).toBeGreaterThanOrEqual(24);
    const documented = pages['docs/metrics.md'];
    expect(created.filter((name) => !documented.includes(`| \`${name}\``))).toEqual([]);
  });
});

describe('lib READMEs', () => {
  it.each(generator.listLibs().map(({ layer, lib, dir }) => [`${layer}/${lib}`, lib, layer, dir]))(
    'libs/%s has a five-line README: its name and layer, its job, entry points, dependencies',
    (_path, lib, layer, dir) => {
      const readme = join(dir, 'README.md');
      expect(existsSync(readme)).toBe(true);
      const lines = readFileSync(readme, 'utf8').trimEnd().split('\n');
      expect(lines[0]).toBe(`# @lienthong/${lib} (${layer})`);
      expect(lines).toHaveLength(5);
    },
  );
});
