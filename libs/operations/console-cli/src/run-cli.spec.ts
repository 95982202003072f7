import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { CliOutput } from './cli-output';
import { renderTable } from './cli-output';
import { EXIT, runCli } from './run-cli';

const root = join(__dirname, '..', '..', '..', '..');

/** The CLI with its output captured: what it printed, what it said went wrong, its exit code. */
async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const errors: string[] = [];
  const io: CliOutput = {
    out: (text) => out.push(text),
    error: (text) => errors.push(text),
    table: (rows) => out.push(renderTable(rows)),
    progress: () => ({ update: () => undefined, stop: () => undefined }),
  };
  const exitCode = await runCli(args, io, env);
  return { out: out.join('\n'), errors: errors.join('\n'), exitCode };
}

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const status = {
  hub: {
    state: 'running',
    members: 2,
    lag: { total: 0 },
    counts: { canonical: { total: 5, perMinute: 1 }, deadLettered: { total: 0, perMinute: 0 } },
  },
  connectors: [],
};

describe(runCli.name, () => {
  let fakeConsole: Server;
  let consoleUrl: string;
  const asked: string[] = [];

  beforeAll(async () => {
    fakeConsole = createServer((request, response) => {
      asked.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
      response.setHeader('content-type', 'application/json');
      if (request.url === '/api/v1/status') return response.end(JSON.stringify(status));
      response.statusCode = 403;
      response.end(JSON.stringify({ message: 'operator role needed' }));
    });
    await new Promise<void>((resolve) => fakeConsole.listen(0, '127.0.0.1', resolve));
    consoleUrl = `http://127.0.0.1:${(fakeConsole.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => fakeConsole.close(resolve)));

  it('prints the status as a table with a header and no index column, and exits 0', async () => {
    const sut = await run(['status', '--url', consoleUrl, '--token', 'secret']);
    expect(sut.exitCode).toBe(EXIT.ok);
    expect(sut.out.split('\n')[1]).toMatch(/^│ name +│ state +│ breaker/);
    expect(sut.out).not.toContain('(index)');
    expect(sut.out).toMatch(/│ hub +│ running +│/);
    expect(asked).toContain('GET /api/v1/status Bearer secret');
  });

  it('prints the answer as JSON with --json, wherever the option stands', async () => {
    const sut = await run(['status', '--json', '--url', consoleUrl]);
    expect(sut.exitCode).toBe(EXIT.ok);
    expect(JSON.parse(sut.out)).toEqual(status);
  });

  it("exits 1 with the console's own message when it refuses", async () => {
    const sut = await run(['--url', consoleUrl, 'pause', 'national-portal']);
    expect(sut).toMatchObject({ exitCode: EXIT.failure, out: '' });
    expect(sut.errors).toBe('lienthong: 403: operator role needed');
  });

  it('exits 1, naming the console, when nothing answers there', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const sut = await run(['--json', 'status', '--url', url]);
    expect(sut).toMatchObject({ exitCode: EXIT.failure, out: '' });
    expect(sut.errors).toBe(`lienthong: no answer from ${url}/api/v1: connect ECONNREFUSED ${url.slice(7)}`);
  });

  it.each([
    ['an unknown command', ['stauts']],
    ['a missing argument', ['trace']],
    ['a bad option value', ['audit', '--limit', 'many']],
    ['a negative payment window', ['payments', 'reconcile', '--after-s', '-5']],
    ["a command's own check", ['dlq', 'replay']],
    ['no command at all', []],
  ])('exits 2 on a usage error: %s', async (_, args) => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect((await run(args)).exitCode).toBe(EXIT.usage);
    } finally {
      stderr.mockRestore();
    }
  });

  it('says what is wrong when a command finds it bad, not only commander', async () => {
    const sut = await run(['dlq', 'replay']);
    expect(sut.errors).toBe('lienthong: give dead-letter ids, or --all with filters');
  });

  it('exits 0 on --help', async () => {
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect((await run(['--help'])).exitCode).toBe(EXIT.ok);
      expect(stdout.mock.calls.join('')).toMatch(/routes.*reconcile|reconcile[\s\S]*routes/);
    } finally {
      stdout.mockRestore();
    }
  });

  it('tests the routing rules on samples offline: a table, or the rows as JSON', async () => {
    const args = [
      'routes',
      'test',
      join(root, 'config', 'routes.yaml'),
      join(root, 'test', 'fixtures', 'motcua', 'ok'),
    ];
    const table = await run(args);
    expect(table.exitCode).toBe(EXIT.ok);
    expect(table.out).toMatch(/│ sample +│ read as +│ dossier +│ status +│ connectors/);
    expect(table.out).toMatch(/\d+ samples, \d+ routed, 0 unreadable$/);

    const json = await run([...args, '--json']);
    const rows = JSON.parse(json.out) as { readAs: string; connectors: string[] }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.readAs === 'motcua')).toBe(true);
    expect(rows[0].connectors).toContain('national-portal');
  });

  it('exits 1 when the routing rules cannot be read', async () => {
    const sut = await run([
      'routes',
      'test',
      join(root, 'no-such-rules.yaml'),
      join(root, 'test', 'fixtures'),
    ]);
    expect(sut.exitCode).toBe(EXIT.failure);
    expect(sut.errors).toMatch(/no-such-rules\.yaml/);
  });
});
