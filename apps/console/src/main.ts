import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import {
  ConsoleModule,
  consoleConfigSpec,
  consoleHttp,
  readPaymentReconcile,
  readPortalLookup,
  readPortalResync,
} from '@lienthong/console';
import { DatabaseModule, databaseConfigSpec } from '@lienthong/database';
import { KafkaModule, kafkaConfigSpec } from '@lienthong/kafka';

runMain(async () => {
  const config = readConfig(consoleConfigSpec);
  runUntilSignal([
    await startApp(
      'console',
      [
        KafkaModule.forRoot(readConfig(kafkaConfigSpec)),
        DatabaseModule.forRoot(readConfig(databaseConfigSpec)),
        ConsoleModule.register(
          config,
          readPortalLookup(config),
          readPaymentReconcile(config),
          readPortalResync(config),
        ),
      ],
      { port: config.CONSOLE_PORT, host: config.CONSOLE_HOST, ...consoleHttp },
    ),
  ]);
});
