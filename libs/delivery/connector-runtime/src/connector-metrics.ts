import { Counter, Gauge, Histogram, metricsRegistry } from '@lienthong/observability';

export const delivered = new Counter({
  name: 'lienthong_connector_delivered_total',
  help: 'Dossier events delivered to the target',
  labelNames: ['connector'],
  registers: [metricsRegistry],
});

export const failed = new Counter({
  name: 'lienthong_connector_failed_total',
  help: 'Failed calls by class: retriable (counted per attempt) or permanent',
  labelNames: ['connector', 'class', 'code'],
  registers: [metricsRegistry],
});

export const retries = new Counter({
  name: 'lienthong_connector_retries_total',
  help: 'Retries: in-process backoff attempts and events parked on a retry topic, by level',
  labelNames: ['connector', 'level'],
  registers: [metricsRegistry],
});

export const skipped = new Counter({
  name: 'lienthong_connector_skipped_total',
  help: 'Events not delivered because they were already delivered or older than what the target holds',
  labelNames: ['connector', 'why'],
  registers: [metricsRegistry],
});

export const breakerState = new Gauge({
  name: 'lienthong_connector_breaker_state',
  help: 'Circuit breaker of the target: 0 closed, 1 open (consumption paused), 2 half-open',
  labelNames: ['connector'],
  registers: [metricsRegistry],
});

export const targetSeconds = new Histogram({
  name: 'lienthong_connector_target_seconds',
  help: 'Latency of one delivery attempt at the target',
  labelNames: ['connector'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const deliverySeconds = new Histogram({
  name: 'lienthong_connector_delivery_seconds',
  help: 'Time to deliver one dossier event, retries and waits for the target included',
  labelNames: ['connector'],
  registers: [metricsRegistry],
});

export const accessRefused = new Counter({
  name: 'lienthong_connector_target_access_refused_total',
  help: 'Calls the target refused for our access (credentials, signature clock): an operator must act',
  labelNames: ['connector', 'code'],
  registers: [metricsRegistry],
});
