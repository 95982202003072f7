/** The `lienthong` command line: the console's API from a terminal (tables, or --json), with progress on bulk replays. */
export { buildCli, terminal, type CliOutput } from './cli';
export { ConsoleClient, ConsoleApiError } from './console-client';
