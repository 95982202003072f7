import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

let root: string | undefined;

/** A path inside the project, found the same way from sources, tests and the built dist/ tree. */
export function projectPath(...segments: string[]): string {
  root ??= findRoot(__dirname);
  return join(root, ...segments);
}

/** The shared material beside the project (`../shared`), or where LIENTHONG_SHARED_DIR says. */
export function sharedPath(...segments: string[]): string {
  return join(process.env.LIENTHONG_SHARED_DIR ?? projectPath('..', 'shared'), ...segments);
}

function findRoot(start: string): string {
  let dir = resolve(start);
  while (!existsSync(join(dir, 'schemas', 'dossier.v1.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the project root (schemas/) above ${start}`);
    dir = parent;
  }
  return dir;
}
