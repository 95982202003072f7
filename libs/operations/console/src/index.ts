/**
 * The operator console: its API (/api/v1, OpenAPI at /api/docs), web pages and trail indexer as one
 * Nest module, and the configuration it reads.
 */
export { ConsoleModule, consoleHttp, consoleRetention, CONSOLE_WEB_ROOT } from './console.module';
export {
  consoleConfigSpec,
  consoleOwnConfigSpec,
  CONSOLE_CONFIG,
  readPaymentReconcile,
  readPortalLookup,
  readPortalResync,
  type PortalResyncConfig,
  type ConsoleConfig,
} from './console.config';
export { ReplayRefusal } from './dead-letters/replay-target';
export type {
  ConnectorControlAnswer,
  ConnectorStatus,
  DeadLetterListAnswer,
  DeadLetterSummary,
  DossierTrace,
  HoldAnswer,
  PaymentsAnswer,
  PaymentView,
  HubStatus,
  ReplayAnswer,
  ResyncAnswer,
  StatusAnswer,
  TraceAnswer,
} from './api-answers';
