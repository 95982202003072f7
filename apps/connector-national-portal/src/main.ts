import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { ConnectorModule } from '@lienthong/connector-runtime';
import { DatabaseModule, databaseConfigSpec } from '@lienthong/database';
import { portalConnectorConfigSpec, portalConnectorDefinition } from '@lienthong/national-portal';
import { KafkaModule, kafkaConfigSpec } from '@lienthong/kafka';

runMain(async () => {
  const connector = readConfig(portalConnectorConfigSpec);
  runUntilSignal([
    await startApp(
      'connector-national-portal',
      [
        KafkaModule.forRoot(readConfig(kafkaConfigSpec)),
        DatabaseModule.forRoot(readConfig(databaseConfigSpec)),
        ConnectorModule.register(portalConnectorDefinition, connector),
      ],
      { port: connector.PORTAL_CONNECTOR_HTTP_PORT },
    ),
  ]);
});
