import { execFile, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The production image, laid out from the Dockerfile's last stage without a Docker engine: what it
 * copies (dist built, node_modules without the devDependencies, so no TypeScript compiler), then the
 * CLI run there the way an operator would: with npx, with the npm aliases and with node directly.
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

/**
 * node_modules after `npm prune --omit=dev`: every package but the devDependencies; a local package
 * (`file:bin`) stays a relative link, so in the image it points into the image's own folder; .bin keeps
 * the commands of the packages kept (`lienthong`, for npx).
 */
function prunedNodeModules(target: string): void {
  const { devDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const dev = new Set([...Object.keys(devDependencies), 'typescript', 'ts-node']);
  const modules = join(root, 'node_modules');
  const keep = (name: string) => {
    const source = join(modules, name);
    symlinkSync(lstatSync(source).isSymbolicLink() ? readlinkSync(source) : source, join(target, name));
  };
  mkdirSync(target);
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.') || dev.has(entry)) continue;
    if (!entry.startsWith('@')) {
      keep(entry);
      continue;
    }
    mkdirSync(join(target, entry));
    for (const name of readdirSync(join(modules, entry))) {
      if (!dev.has(`${entry}/${name}`)) keep(`${entry}/${name}`);
    }
  }
  mkdirSync(join(target, '.bin'));
  for (const command of readdirSync(join(modules, '.bin'))) {
    // ../<package>/<file> or ../@<scope>/<package>/<file>; the link to a local package may dangle until
    // its folder is copied too.
    const link = readlinkSync(join(modules, '.bin', command));
    const [, first, second] = link.split('/');
    const owner = first.startsWith('@') ? `${first}/${second}` : first;
    if (lstatSync(join(target, owner), { throwIfNoEntry: false })) {
      symlinkSync(link, join(target, '.bin', command));
    }
  }
}

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Dockerfile', () => {
  let image: string;

  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'apps', 'cli', 'src', 'main.js'))) {
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

  const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(command, args, {
      cwd: image,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
      timeout: 60_000,
    });

  it('holds no TypeScript compiler, as after `npm prune --omit=dev`', () => {
    expect(existsSync(join(image, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(image, 'node_modules', '.bin', 'tsc'))).toBe(false);
  });

  it('runs `routes test` with npx, with the npm alias and with node, reading the routing rules it carries', () => {
    cpSync(join(root, 'test', 'fixtures', 'motcua', 'ok'), join(image, 'samples'), { recursive: true });
    const viaNpx = run('npx', ['lienthong', 'routes', 'test', 'config/routes.yaml', 'samples', '--json']);
    expect(viaNpx.stderr).not.toMatch(/tsc|not found|Cannot find module/);
    expect(viaNpx.status).toBe(0);
    const rows = JSON.parse(viaNpx.stdout) as { readAs: string; connectors: string[] }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].readAs).toBe('motcua');
    expect(rows[0].connectors).toContain('national-portal');

    const viaNpm = run('npm', [
      'run',
      '--silent',
      'routes:test',
      '--',
      'config/routes.yaml',
      'samples',
      '--json',
    ]);
    expect(viaNpm.status).toBe(0);
    expect(JSON.parse(viaNpm.stdout)).toEqual(rows);
    const viaNode = run('node', [
      'dist/apps/cli/src/main.js',
      'routes',
      'test',
      'config/routes.yaml',
      'samples',
      '--json',
    ]);
    expect(viaNode.status).toBe(0);
    expect(JSON.parse(viaNode.stdout)).toEqual(rows);
  });

  it('runs `reconcile` without building, and its code loads (migrations, portal client)', () => {
    const help = run('npm', ['run', '--silent', 'reconcile', '--', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--since <date>');
    // Against a database that is not there it fails on the connection, not on a missing file or module.
    // In production no default secret and no passwordless database user is accepted: both are set as a deployment would.
    const reconcile = run('node', ['bin/lienthong.js', 'reconcile'], {
      DATABASE_URL: 'postgres://nobody:image-test-password@127.0.0.1:1/none',
      PORTAL_PASSWORD: 'image-test-password',
    });
    expect(reconcile.status).toBe(1);
    expect(reconcile.stderr).toMatch(/^lienthong: .*(ECONNREFUSED|connect)/);
    expect(reconcile.stderr).not.toMatch(/Cannot find module|ENOENT/);
  });

  it('runs the console CLI: exit 1 with a clear error when the console does not answer, 2 on a usage error', async () => {
    const help = run('npx', ['lienthong', '--help']);
    expect(help.stderr).not.toMatch(/Cannot find module|tsc/);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/routes/);

    const status = run('npx', ['lienthong', 'status', '--json'], {
      LIENTHONG_CONSOLE_URL: `http://127.0.0.1:${await closedPort()}`,
    });
    expect(status.status).toBe(1);
    expect(status.stdout).toBe('');
    expect(status.stderr).toMatch(
      /^lienthong: no answer from http:\/\/127\.0\.0\.1:\d+\/api\/v1: .*ECONNREFUSED/,
    );

    const usage = run('node', ['bin/lienthong.js', 'no-such-command']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/unknown command/);
  });

  it('says to build when dist/ is missing', () => {
    const checkout = mkdtempSync(join(tmpdir(), 'lienthong-unbuilt-'));
    try {
      cpSync(join(image, 'bin'), join(checkout, 'bin'), { recursive: true });
      const unbuilt = spawnSync('node', ['bin/lienthong.js', 'status'], { cwd: checkout, encoding: 'utf8' });
      expect(unbuilt.status).toBe(1);
      expect(unbuilt.stderr).toMatch(/run npm run build/);
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
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
