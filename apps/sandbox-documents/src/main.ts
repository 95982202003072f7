import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { DocumentsSandboxModule, documentsSandboxConfigSpec } from '@lienthong/sandboxes';

runMain(async () => {
  const { DOCUMENTS_SANDBOX_PORT } = readConfig(documentsSandboxConfigSpec);
  runUntilSignal([
    await startApp('sandbox-documents', DocumentsSandboxModule.register(), { port: DOCUMENTS_SANDBOX_PORT }),
  ]);
});
