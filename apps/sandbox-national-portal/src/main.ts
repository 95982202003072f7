import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { PortalSandboxModule, portalSandboxConfigSpec } from '@lienthong/sandboxes';

runMain(async () => {
  const { PORTAL_SANDBOX_PORT } = readConfig(portalSandboxConfigSpec);
  runUntilSignal([
    await startApp('sandbox-national-portal', PortalSandboxModule.register(), { port: PORTAL_SANDBOX_PORT }),
  ]);
});
