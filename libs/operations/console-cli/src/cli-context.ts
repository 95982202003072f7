import { InvalidArgumentError } from 'commander';
import type { CliOutput } from './cli-output';
import type { ConsoleClient } from './console-client';

/** What every group of commands is given: where to write, the settings, the API, and --json. */
export interface CliContext {
  io: CliOutput;
  env: NodeJS.ProcessEnv;
  /** The console API, with the --url and --token given. */
  client(): ConsoleClient;
  /** --json prints the answer as JSON; otherwise `human` writes it for people. */
  print(value: unknown, human: () => void): void;
  json(): boolean;
  /** The command ran and found something wrong (a tampered log, a re-send that failed): exit 1. */
  fail(): void;
}

export function date(value: string): string {
  if (Number.isNaN(Date.parse(value))) throw new InvalidArgumentError(`not a date: ${value}`);
  return value;
}

export function positive(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError(`not a positive integer: ${value}`);
  return number;
}

export function wholeNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new InvalidArgumentError(`not a whole number (0 or more): ${value}`);
  return number;
}

/**
 * Runs `work` with a progress report that shows a bar on the terminal from the first report on (none
 * under --json, where standard error stays for errors), and takes the bar down however `work` ends.
 */
export async function withProgress<T>(
  { io, json }: Pick<CliContext, 'io' | 'json'>,
  doing: string,
  work: (report: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  let bar: ReturnType<CliOutput['progress']> | undefined;
  try {
    return await work((done, total) => {
      if (json()) return;
      bar ??= io.progress(total, doing);
      // A bar starts at 0: a first report of 0 done tells it nothing more.
      if (done > 0) bar.update(done);
    });
  } finally {
    bar?.stop();
  }
}
