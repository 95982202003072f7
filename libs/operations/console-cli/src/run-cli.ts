import { CommanderError, InvalidArgumentError } from 'commander';
import { buildCli } from './cli';
import { terminal, type CliOutput } from './cli-output';

/** What `lienthong` exits with; docs/cli.md lists them for scripts. */
export const EXIT = {
  /** done, and nothing wrong found */
  ok: 0,
  /** the command failed (console unreachable, refused, a database error) or found something wrong */
  failure: 1,
  /** the command line is wrong: unknown command or option, a missing or bad argument */
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Runs one command line (without `node lienthong`) and answers its exit code; errors go to `io.error`. */
export async function runCli(
  args: string[],
  io: CliOutput = terminal,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ExitCode> {
  let failed = false;
  try {
    await buildCli(io, env, () => (failed = true)).parseAsync(args, { from: 'user' });
    return failed ? EXIT.failure : EXIT.ok;
  } catch (error) {
    if (!(error instanceof CommanderError)) {
      io.error(`lienthong: ${(error as Error).message}`);
      return EXIT.failure;
    }
    // --help and --version end with a CommanderError too, with exit code 0.
    if (error.exitCode === 0) return EXIT.ok;
    // Commander has printed the errors of its own parsing; a command's own check of its arguments it has not.
    if (error instanceof InvalidArgumentError) io.error(`lienthong: ${error.message}`);
    return EXIT.usage;
  }
}
