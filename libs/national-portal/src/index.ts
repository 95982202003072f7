export {
  PortalService,
  PortalErrorCode,
  ALREADY_EXISTS,
  PROGRESS_CHUNK_SIZE,
  PORTAL_LIMITS,
  type PortalAnswer,
} from './portal.contract';
export { portalConfigSpec, type PortalConfig } from './portal.config';
export { PortalClient, AlreadyExistsError, NotFoundAtPortalError } from './portal-client';
export { PortalConnector } from './portal.connector';
export { toPortalDossier, toPortalProgress, toPortalTime } from './to-portal';
export {
  PortalConnectorModule,
  portalConnectorConfigSpec,
  portalConnectorDefinition,
} from './portal-connector.module';
export * from './reconciliation';
