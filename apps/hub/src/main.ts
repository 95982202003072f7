import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { HubModule, hubHttp, hubModuleConfigSpec } from '@lienthong/hub';
import { KafkaModule, kafkaConfigSpec } from '@lienthong/kafka';

runMain(async () => {
  const hub = readConfig(hubModuleConfigSpec);
  runUntilSignal([
    await startApp('hub', [KafkaModule.forRoot(readConfig(kafkaConfigSpec)), HubModule.register(hub)], {
      port: hub.HUB_HTTP_PORT,
      ...hubHttp,
    }),
  ]);
});
