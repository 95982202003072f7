export * from './edxml.contract';
export { ExchangePath, INBOX_KINDS, type InboxEntry, type InboxKind } from './exchange.contract';
export { edxmlTimestampAt } from './edxml-time';
export { EdxmlRejection } from './edxml-rejection';
export { buildEdxmlDocument, buildEdxmlStatus } from './edxml-builder';
export { parseEdxmlDocument, parseEdxmlStatus, type ParsedEdxmlDocument } from './edxml-parser';
export { resultPackageOf } from './to-edxml';
export { DocumentsExchangeClient, PackageRefusedError } from './documents-exchange.client';
export { documentsConnectorConfigSpec, documentsConnectorDefinition } from './documents-connector.definition';
