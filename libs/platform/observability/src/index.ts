export { createLogger, maskPersonalData, PinoNestLogger, type Logger } from './logger';
export { metricsRegistry, Counter, Histogram, Gauge } from './metrics';
export { ObservabilityModule, type PingedDependencies } from './observability.module';
export {
  childTraceparent,
  recordSpan,
  stopTracing,
  traceIdOf,
  tracingEnabled,
  type HopSpan,
} from './tracing';
