import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { KafkaModule, kafkaConfigSpec } from '@lienthong/kafka';
import { SimulatorModule, simulatorConfigSpec } from '@lienthong/simulator';

runMain(async () => {
  runUntilSignal([
    await startApp('simulator', [
      KafkaModule.forRoot(readConfig(kafkaConfigSpec)),
      SimulatorModule.register(readConfig(simulatorConfigSpec)),
    ]),
  ]);
});
