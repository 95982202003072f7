export type { Connector, Delivered, FollowedFacts, TargetState } from './connector';
export { readDossierEvent, routedDossierEvents, type Intake, type ItemKey } from './intake';
export { DeliveryError, PermanentError, RetriableError, TargetAccessError } from './errors';
export { isTransientStatus, reach } from './http-failures';
export {
  ConnectorModule,
  connectorBaseConfigSpec,
  CONNECTOR_CONFIG,
  ledgerRetention,
  type ConnectorAppConfig,
  type ConnectorDefinition,
} from './connector.module';
export { inParallel } from './in-parallel';
export { Amendments, standaloneAmendments, type Amend, type Amended } from './amendments';
export { connectorRuntimeConfigSpec, type ConnectorRuntimeConfig } from './connector-runtime.config';
export { targetHttp, targetHttpConfigSpec, type TargetHttpConfig } from './target-http';
export {
  gatewayConfigSpec,
  gatewayOf,
  type GatewayConfig,
  type GatewayConfigSpec,
  type GatewaySettings,
} from './gateway/gateway.config';
export {
  createdAtTarget,
  deliveriesOf,
  deliveryOutcomeCounts,
  sentFieldsAmong,
  sentFieldsChangedSince,
  targetStatesOf,
  type SentFields,
  type SentFieldsAt,
  type LedgerDelivery,
  type OutcomeCount,
  type TargetDossierState,
} from './ledger-reads';
