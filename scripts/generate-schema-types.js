#!/usr/bin/env node
// Derives the TypeScript types from schemas/*.json so the contracts are written once.
// `--check` exits non-zero when a generated file is out of date (used by the tests).
const fs = require('node:fs');
const path = require('node:path');
const { compileFromFile } = require('json-schema-to-typescript');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'libs/platform/schemas/src/generated');
const banner = '/* Generated from schemas/ by `npm run schemas:types`. Do not edit. */';

function schemaFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return schemaFiles(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

async function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const file of schemaFiles(path.join(root, 'schemas'))) {
    const target = path.join(outDir, path.basename(file).replace(/\.json$/, '.ts'));
    const code = await compileFromFile(file, {
      bannerComment: banner,
      cwd: path.dirname(file),
      additionalProperties: false,
      style: { singleQuote: true, printWidth: 110, trailingComma: 'all' },
    });
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current === code) continue;
    if (check) {
      console.error(`${path.relative(root, target)} is out of date: run npm run schemas:types`);
      stale++;
    } else {
      fs.writeFileSync(target, code);
      console.log(`wrote ${path.relative(root, target)}`);
    }
  }
  process.exit(stale ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
