import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { NationalScoreSandboxModule, nationalScoreSandboxConfigSpec } from '@lienthong/sandboxes';

runMain(async () => {
  const sandbox = readConfig(nationalScoreSandboxConfigSpec);
  runUntilSignal([
    await startApp('sandbox-national-score', NationalScoreSandboxModule.register(sandbox), {
      port: sandbox.NATIONAL_SCORE_SANDBOX_PORT,
    }),
  ]);
});
