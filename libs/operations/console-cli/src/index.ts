/**
 * The `lienthong` command line: the console's API from a terminal (tables, or --json), the work done
 * on the host (first token, audit check, migrations, reconciliation) and the routing rules' test.
 */
export { runCli, EXIT, type ExitCode } from './run-cli';
export { terminal, renderTable, type CliOutput } from './cli-output';
export { ConsoleClient, ConsoleApiError } from './console-client';
