import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { HubModule, hubModuleConfigSpec } from '@lienthong/hub';

runMain(async () => {
  const { HUB_HTTP_PORT } = readConfig(hubModuleConfigSpec);
  runUntilSignal([await startApp('hub', HubModule.register(), { port: HUB_HTTP_PORT })]);
});
