import { runCli } from '@lienthong/console-cli';

/** `npx lienthong <command>` (bin/lienthong.js runs this; see --help and docs/cli.md). */
void runCli(process.argv.slice(2)).then((code) => process.exit(code));
