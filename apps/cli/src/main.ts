import { buildCli, ConsoleApiError } from '@lienthong/console-cli';
import { CommanderError } from 'commander';

/** npm run lienthong -- <command> (see --help) */
buildCli()
  .parseAsync()
  .catch((error: unknown) => {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    console.error(
      `lienthong: ${error instanceof ConsoleApiError ? error.message : (error as Error).message}`,
    );
    process.exit(1);
  });
