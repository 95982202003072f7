import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { PopulationSandboxModule, populationSandboxConfigSpec } from '@lienthong/sandboxes';

runMain(async () => {
  const { POPULATION_SANDBOX_PORT } = readConfig(populationSandboxConfigSpec);
  runUntilSignal([
    await startApp('sandbox-population', PopulationSandboxModule.register(), {
      port: POPULATION_SANDBOX_PORT,
    }),
  ]);
});
