export type { Connector, Delivered, TargetState } from './connector';
export { ConnectorRuntime } from './connector-runtime';
export { connectorRuntimeConfigSpec, type ConnectorRuntimeConfig } from './connector-runtime.config';
export { PermanentError, RetriableError } from './errors';
export {
  ConnectorModule,
  connectorBaseConfigSpec,
  type ConnectorAppConfig,
  type ConnectorDefinition,
} from './connector.module';
