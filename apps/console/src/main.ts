import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { ConsoleModule, consoleHttp, consoleOwnConfigSpec } from '@lienthong/console';

runMain(async () => {
  const { CONSOLE_PORT, CONSOLE_HOST } = readConfig(consoleOwnConfigSpec);
  runUntilSignal([
    await startApp('console', ConsoleModule.register(), {
      port: CONSOLE_PORT,
      host: CONSOLE_HOST,
      ...consoleHttp,
    }),
  ]);
});
