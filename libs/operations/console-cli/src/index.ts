/** The `lienthong` command line: the console's API from a terminal (tables, or --json), with progress on bulk replays. */
export { buildCli } from './cli';
export { terminal, type CliOutput } from './cli-output';
export { ConsoleClient, ConsoleApiError } from './console-client';
