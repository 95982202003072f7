import { readConfig } from '@lienthong/config';
import { runMain, runUntilSignal, startApp } from '@lienthong/bootstrap';
import { DocumentsConnectorModule, documentsConnectorConfigSpec } from '@lienthong/documents';

runMain(async () => {
  const { DOCUMENTS_CONNECTOR_HTTP_PORT } = readConfig(documentsConnectorConfigSpec);
  runUntilSignal([
    await startApp('connector-documents', DocumentsConnectorModule.register(), {
      port: DOCUMENTS_CONNECTOR_HTTP_PORT,
    }),
  ]);
});
