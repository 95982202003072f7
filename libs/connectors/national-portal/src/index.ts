export { portalConfigSpec, type PortalConfig } from './portal.config';
export { PortalClient } from './portal-client';
export { PortalConnector } from './portal.connector';
export { toPortalDossier, toPortalProgress } from './to-portal';
export { PortalDatabaseCode, PortalPaymentCode, PortalReuseCode } from './portal-fields';
export { portalConnectorConfigSpec, portalConnectorDefinition } from './portal-connector.definition';
export * from './reconciliation';
