import { buildCli, type CliOutput } from '@lienthong/console-cli';

/** The CLI in this process with these settings, its output captured and its exit code answered. */
export async function runCli(env: NodeJS.ProcessEnv, args: string[]) {
  const lines: string[] = [];
  const io: CliOutput = {
    out: (text) => lines.push(text),
    table: (rows) => lines.push(JSON.stringify(rows)),
    progress: () => ({ update: () => undefined, stop: () => undefined }),
  };
  process.exitCode = undefined;
  await buildCli(io, env).parseAsync(args, { from: 'user' });
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  return { output: lines.join('\n'), exitCode };
}
