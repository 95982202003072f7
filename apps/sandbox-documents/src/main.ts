import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { DocumentsSandboxModule, documentsSandboxConfigSpec } from '@lienthong/sandboxes';

runMain(async () => {
  const sandbox = readConfig(documentsSandboxConfigSpec);
  runUntilSignal([
    await startApp('sandbox-documents', DocumentsSandboxModule.register(sandbox), {
      port: sandbox.DOCUMENTS_SANDBOX_PORT,
    }),
  ]);
});
