import { runCli as run, type CliOutput } from '@lienthong/console-cli';

/** The CLI in this process with these settings, its output and errors captured and its exit code answered. */
export async function runCli(env: NodeJS.ProcessEnv, args: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const io: CliOutput = {
    out: (text) => lines.push(text),
    error: (text) => errors.push(text),
    table: (rows) => lines.push(JSON.stringify(rows)),
    progress: () => ({ update: () => undefined, stop: () => undefined }),
  };
  const exitCode = await run(args, io, env);
  return { output: lines.join('\n'), errors: errors.join('\n'), exitCode };
}
