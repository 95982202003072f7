import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { ConnectorModule } from '@lienthong/connector-runtime';
import { DatabaseModule, databaseConfigSpec } from '@lienthong/database';
import { documentsConnectorConfigSpec, documentsConnectorDefinition } from '@lienthong/documents';
import { KafkaModule, kafkaConfigSpec } from '@lienthong/kafka';

runMain(async () => {
  const connector = readConfig(documentsConnectorConfigSpec);
  runUntilSignal([
    await startApp(
      'connector-documents',
      [
        KafkaModule.forRoot(readConfig(kafkaConfigSpec)),
        DatabaseModule.forRoot(readConfig(databaseConfigSpec)),
        ConnectorModule.register(documentsConnectorDefinition, connector),
      ],
      { port: connector.DOCUMENTS_CONNECTOR_HTTP_PORT },
    ),
  ]);
});
