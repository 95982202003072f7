import { execFile, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The production image, laid out from the Dockerfile's last stage without a Docker engine: what it
 * copies (dist built, node_modules without the devDependencies, so no TypeScript compiler), then each
 * CLI run there the way an operator would, with `npm run` and with node directly.
 */
const root = join(__dirname, '..', '..', '..');

interface Copy {
  fromBuild: boolean;
  sources: string[];
  dest: string;
}

function finalStageCopies(): Copy[] {
  const lines = readFileSync(join(root, 'Dockerfile'), 'utf8').split('\n');
  const lastFrom = lines.map((line) => /^FROM\s/i.test(line)).lastIndexOf(true);
  return lines
    .slice(lastFrom)
    .filter((line) => /^COPY\s/i.test(line))
    .map((line) => {
      const words = line.trim().split(/\s+/).slice(1);
      const fromBuild = words[0].startsWith('--from=');
      const paths = words.filter((word) => !word.startsWith('--'));
      return {
        fromBuild,
        sources: paths.slice(0, -1).map((path) => path.replace(/^\/app\/?/, '')),
        dest: paths[paths.length - 1],
      };
    });
}

/** node_modules after `npm prune --omit=dev`: every package but the devDependencies, no .bin. */
function prunedNodeModules(target: string): void {
  const { devDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const dev = new Set([...Object.keys(devDependencies), 'typescript', 'ts-node']);
  mkdirSync(target);
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === '.bin' || entry.startsWith('.') || dev.has(entry)) continue;
    if (!entry.startsWith('@')) {
      symlinkSync(join(root, 'node_modules', entry), join(target, entry));
      continue;
    }
    mkdirSync(join(target, entry));
    for (const name of readdirSync(join(root, 'node_modules', entry))) {
      if (!dev.has(`${entry}/${name}`)) {
        symlinkSync(join(root, 'node_modules', entry, name), join(target, entry, name));
      }
    }
  }
}

describe('Dockerfile', () => {
  let image: string;

  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'apps', 'reconcile', 'src', 'main.js'))) {
      throw new Error('dist/ is not built: run `npm run build` first (npm test does)');
    }
    image = mkdtempSync(join(tmpdir(), 'lienthong-image-'));
    for (const copy of finalStageCopies()) {
      for (const source of copy.sources) {
        const dest = join(image, copy.dest === './' ? source : copy.dest);
        if (copy.fromBuild && source === 'node_modules') prunedNodeModules(dest);
        else cpSync(join(root, source), dest, { recursive: true });
      }
    }
  });

  afterAll(() => rmSync(image, { recursive: true, force: true }));

  const run = (command: string, args: string[]) =>
    spawnSync(command, args, {
      cwd: image,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
      timeout: 60_000,
    });

  it('holds no TypeScript compiler, as after `npm prune --omit=dev`', () => {
    expect(existsSync(join(image, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(image, 'node_modules', '.bin', 'tsc'))).toBe(false);
  });

  it('runs routes:test with npm and with node, reading the routing rules it carries', () => {
    cpSync(join(root, 'test', 'fixtures', 'motcua', 'ok'), join(image, 'samples'), { recursive: true });
    const viaNpm = run('npm', [
      'run',
      '--silent',
      'routes:test',
      '--',
      'config/routes.yaml',
      'samples',
      '--json',
    ]);
    expect(viaNpm.stderr).not.toMatch(/tsc|not found|Cannot find module/);
    expect(viaNpm.status).toBe(0);
    const rows = JSON.parse(viaNpm.stdout) as { readAs: string; connectors: string[] }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].readAs).toBe('motcua');
    expect(rows[0].connectors).toContain('national-portal');

    const viaNode = run('node', [
      'dist/apps/routes-test/src/main.js',
      'config/routes.yaml',
      'samples',
      '--json',
    ]);
    expect(viaNode.status).toBe(0);
    expect(JSON.parse(viaNode.stdout)).toEqual(rows);
  });

  it('runs reconcile with npm without building, and its code loads (migrations, portal client)', () => {
    const help = run('npm', ['run', '--silent', 'reconcile', '--', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--since <date>');
    // Against a database that is not there it fails on the connection, not on a missing file or module.
    // In production no default secret and no passwordless database user is accepted: both are set as a deployment would.
    const env = {
      DATABASE_URL: 'postgres://nobody:image-test-password@127.0.0.1:1/none',
      PORTAL_PASSWORD: 'image-test-password',
    };
    const reconcile = spawnSync('node', ['dist/apps/reconcile/src/main.js'], {
      cwd: image,
      encoding: 'utf8',
      env: { ...process.env, ...env, NODE_ENV: 'production' },
      timeout: 60_000,
    });
    expect(reconcile.status).toBe(1);
    expect(reconcile.stderr).toMatch(/ECONNREFUSED|connect/);
    expect(reconcile.stderr).not.toMatch(/Cannot find module|ENOENT/);
  });

  it('runs the console CLI when it is built', () => {
    if (!existsSync(join(image, 'dist', 'apps', 'cli', 'src', 'main.js'))) return;
    const help = run('npm', ['run', '--silent', 'lienthong', '--', '--help']);
    expect(help.stderr).not.toMatch(/Cannot find module|tsc/);
    expect(help.status).toBe(0);
  });

  it('answers the container health check from the image: 2xx is healthy, anything else is not', async () => {
    let status = 200;
    const server = createServer((request, response) => {
      response.statusCode = request.url === '/health/ready' ? status : 404;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const check = (...args: string[]) =>
      new Promise<number>((resolve) =>
        execFile('node', ['scripts/healthcheck.js', String(port), ...args], { cwd: image }, (error) =>
          resolve(error ? Number(error.code) : 0),
        ),
      );
    try {
      expect(await check()).toBe(0);
      status = 503;
      expect(await check()).toBe(1);
      expect(await check('/elsewhere')).toBe(1);
    } finally {
      server.close();
    }
  });
});
