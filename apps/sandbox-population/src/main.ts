import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { PopulationSandboxModule, populationSandboxConfigSpec } from '@lienthong/sandboxes';

runMain(async () => {
  const sandbox = readConfig(populationSandboxConfigSpec);
  runUntilSignal([
    await startApp('sandbox-population', PopulationSandboxModule.register(sandbox), {
      port: sandbox.POPULATION_SANDBOX_PORT,
    }),
  ]);
});
