export * from './edxml.contract';
export { ExchangePath, INBOX_KINDS, type InboxEntry, type InboxKind } from './exchange.contract';
export { EDXML_TIMESTAMP, edxmlTimestampAt, toEdxmlDate, toEdxmlTimestamp } from './edxml-time';
export { bodyDigest } from './edxml-digest';
export { EdxmlRejection } from './edxml-rejection';
export { buildEdxmlDocument, buildEdxmlStatus } from './edxml-builder';
export { parseEdxmlDocument, parseEdxmlStatus, type ParsedEdxmlDocument } from './edxml-parser';
export {
  resultPackageOf,
  resultReferenceOf,
  resultsFingerprint,
  RESULT_CONTENT_TYPE,
  RESULT_DOCUMENT_TYPE,
  RESULT_NOTATION,
} from './to-edxml';
export { documentsConfigSpec, type DocumentsConfig } from './documents.config';
export { DocumentsExchangeClient, PackageRefusedError } from './documents-exchange.client';
export { DocumentsStore, type SentPackage } from './documents.store';
export { DocumentsConnector } from './documents.connector';
export { DocumentsFeedbackPoller } from './feedback-poller';
export {
  DocumentsConnectorModule,
  documentsConnectorConfigSpec,
  documentsConnectorDefinition,
} from './documents-connector.module';
