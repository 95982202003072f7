import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { ConnectorModule } from '@lienthong/connector-runtime';
import { populationConnectorConfigSpec, populationConnectorDefinition } from '@lienthong/population';

runMain(async () => {
  const { POPULATION_CONNECTOR_HTTP_PORT } = readConfig(populationConnectorConfigSpec);
  runUntilSignal([
    await startApp('connector-population', ConnectorModule.register(populationConnectorDefinition), {
      port: POPULATION_CONNECTOR_HTTP_PORT,
    }),
  ]);
});
