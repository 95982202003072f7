import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { SimulatorModule } from '@lienthong/simulator';

runMain(async () => {
  runUntilSignal([await startApp('simulator', SimulatorModule.register())]);
});
