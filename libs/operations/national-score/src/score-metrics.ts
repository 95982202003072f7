import { Counter, metricsRegistry } from '@lienthong/observability';

export const shapeErrors = new Counter({
  name: 'lienthong_national_score_shape_errors_total',
  help: 'Answers of the national scoring data whose shape changed (a field the poller reads is missing), by endpoint',
  labelNames: ['endpoint'] as const,
  registers: [metricsRegistry],
});

export const scoreCalls = new Counter({
  name: 'lienthong_national_score_calls_total',
  help: 'Calls to the national scoring data, by endpoint and outcome (ok, too_many_requests, forbidden, server_error, refused, no_answer)',
  labelNames: ['endpoint', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const scoreFetches = new Counter({
  name: 'lienthong_national_score_fetches_total',
  help: 'Fetches of one period of the national scoring data, by outcome (changed, unchanged, shape_error, failed, busy)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

/** The outcome label of a call that got an HTTP status. */
export function callOutcome(status: number): string {
  if (status === 200 || status === 201) return 'ok';
  if (status === 429) return 'too_many_requests';
  if (status === 403) return 'forbidden';
  return status >= 500 ? 'server_error' : 'refused';
}
