import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { ConnectorModule } from '@lienthong/connector-runtime';
import { documentsConnectorConfigSpec, documentsConnectorDefinition } from '@lienthong/documents';

runMain(async () => {
  const { DOCUMENTS_CONNECTOR_HTTP_PORT } = readConfig(documentsConnectorConfigSpec);
  runUntilSignal([
    await startApp('connector-documents', ConnectorModule.register(documentsConnectorDefinition), {
      port: DOCUMENTS_CONNECTOR_HTTP_PORT,
    }),
  ]);
});
