export * from './edxml.contract';
export { ExchangePath, type InboxEntry, type InboxKind } from './exchange.contract';
export { EdxmlRejection } from './edxml-rejection';
export { StatusDeadLetterReason } from './status-dead-letters';
export { buildEdxmlDocument } from './edxml-builder';
export { parseEdxmlDocument, parseEdxmlStatus, type ParsedEdxmlDocument } from './edxml-parser';
export { resultPackageOf } from './to-edxml';
export { DocumentsExchangeClient, PackageRefusedError } from './documents-exchange.client';
export { documentsConnectorConfigSpec, documentsConnectorDefinition } from './documents-connector.definition';
