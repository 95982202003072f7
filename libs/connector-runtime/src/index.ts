export type { Connector, Delivered, FollowedFacts, TargetState } from './connector';
export { PermanentError, RetriableError, TargetAccessError } from './errors';
export { isTransientStatus, reach } from './http-failures';
export { ConnectorModule, connectorBaseConfigSpec, type ConnectorDefinition } from './connector.module';
export { inParallel } from './in-parallel';
