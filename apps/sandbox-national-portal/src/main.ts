import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { PortalSandboxModule, portalSandboxConfigSpec } from '@lienthong/sandboxes';

runMain(async () => {
  const sandbox = readConfig(portalSandboxConfigSpec);
  runUntilSignal([
    await startApp('sandbox-national-portal', PortalSandboxModule.register(sandbox), {
      port: sandbox.PORTAL_SANDBOX_PORT,
    }),
  ]);
});
