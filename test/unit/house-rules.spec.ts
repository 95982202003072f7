import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectPath } from '@lienthong/config';

/** What a newcomer can rely on in every room: small files. Generated code is the one exception. */
const MAX_LINES = 300;

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : filesUnder(path);
    return /\.(ts|js|html|css)$/.test(entry.name) ? [path] : [];
  });
}

describe('house rules', () => {
  it(`keeps every file in libs/ at ${MAX_LINES} lines or fewer`, () => {
    const tooLong = filesUnder(projectPath('libs'))
      .map((file) => ({
        file: relative(projectPath(), file),
        lines: readFileSync(file, 'utf8').trimEnd().split('\n').length,
      }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(tooLong).toEqual([]);
  });
});
