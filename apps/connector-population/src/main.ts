import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { ConnectorModule } from '@lienthong/connector-runtime';
import { DatabaseModule, databaseConfigSpec } from '@lienthong/database';
import { populationConnectorConfigSpec, populationConnectorDefinition } from '@lienthong/population';
import { KafkaModule, kafkaConfigSpec } from '@lienthong/kafka';

runMain(async () => {
  const connector = readConfig(populationConnectorConfigSpec);
  runUntilSignal([
    await startApp(
      'connector-population',
      [
        KafkaModule.forRoot(readConfig(kafkaConfigSpec)),
        DatabaseModule.forRoot(readConfig(databaseConfigSpec)),
        ConnectorModule.register(populationConnectorDefinition, connector),
      ],
      { port: connector.POPULATION_CONNECTOR_HTTP_PORT },
    ),
  ]);
});
