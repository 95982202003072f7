import type { CliOutput } from './cli-output';
import { EXIT, runCli } from './run-cli';

/** The CLI with its output captured. */
async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const errors: string[] = [];
  const io: CliOutput = {
    out: () => undefined,
    error: (text) => errors.push(text),
    table: () => undefined,
    progress: () => ({ update: () => undefined, stop: () => undefined }),
  };
  return { exitCode: await runCli(args, io, env), errors: errors.join('\n') };
}

describe('lienthong score fetch', () => {
  it('refuses a period it cannot read with a usage error naming the forms', async () => {
    const sut = await run(['score', 'fetch', '--period', '2026-13']);

    expect(sut.exitCode).toBe(EXIT.usage);
    expect(sut.errors).toMatch(/not a period: "2026-13" \(expected YYYY-MM, YYYY-Qn or YYYY\)/);
  });

  it('needs a period', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect((await run(['score', 'fetch'])).exitCode).toBe(EXIT.usage);
      expect(stderr.mock.calls.join('')).toMatch(/--period/);
    } finally {
      stderr.mockRestore();
    }
  });

  it('stops on a bad agency mapping file before calling anyone, naming the setting', async () => {
    const sut = await run(['score', 'fetch', '--period', '2026-11'], {
      NATIONAL_SCORE_AGENCIES: '/nonexistent.yaml',
    });

    expect(sut.exitCode).toBe(EXIT.failure);
    expect(sut.errors).toMatch(/NATIONAL_SCORE_AGENCIES/);
  });
});
