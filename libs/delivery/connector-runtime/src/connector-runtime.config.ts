import { makeValidator } from 'envalid';
import { hostname } from 'node:os';
import { num, str, type ConfigOf } from '@lienthong/config';

/** A comma-separated list of positive seconds, e.g. `30,300,1800`. */
const secondsList = makeValidator<number[]>((input) => {
  const values = String(input)
    .split(',')
    .map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((value) => !Number.isFinite(value) || value <= 0)) {
    throw new Error('expected comma-separated positive seconds, e.g. 30,300,1800');
  }
  return values;
});

export const connectorRuntimeConfigSpec = {
  CONNECTOR_CONCURRENCY: num({
    default: 16,
    desc: 'Dossiers delivered in parallel per partition batch (one dossier stays in order)',
  }),
  CONNECTOR_PARTITIONS_AT_ONCE: num({ default: 3, desc: 'Route-topic partitions handled at once' }),
  CONNECTOR_MAX_ATTEMPTS: num({
    default: 8,
    desc: 'Attempts of one delivery (with backoff) before it is parked on the first retry topic',
  }),
  CONNECTOR_BACKOFF_INITIAL_MS: num({
    default: 200,
    desc: 'First retry delay; it grows exponentially, with jitter',
  }),
  CONNECTOR_BACKOFF_MAX_MS: num({ default: 10_000, desc: 'Longest retry delay' }),
  CONNECTOR_RETRY_DELAYS_S: secondsList({
    default: [30, 300, 1800],
    desc: 'Delay of each retry topic retry.<connector>.<n>; after the last one the event is dead-lettered',
  }),
  CONNECTOR_HOLD_MAX_H: num({
    default: 24,
    desc: 'Hours an older step of a dossier not at the target yet waits on a retry topic for its newer event to get through before it is dead-lettered',
  }),
  CONNECTOR_BREAKER_THRESHOLD: num({
    default: 0.9,
    desc: 'Share of failed calls (over the sampling window) that opens the circuit and pauses consumption',
  }),
  CONNECTOR_BREAKER_WINDOW_MS: num({ default: 10_000, desc: 'Sampling window of the circuit breaker' }),
  CONNECTOR_BREAKER_HALF_OPEN_MS: num({
    default: 5_000,
    desc: 'Time the circuit stays open before one trial call checks whether the target is back',
  }),
  CONNECTOR_LEDGER_RETENTION_DAYS: num({
    default: 730,
    desc: 'Days the delivery ledger keeps each event it handled (the record of what reached the target); older rows are pruned every hour (0 = keep forever)',
  }),
  CONNECTOR_RATE_PER_S: num({
    default: 5_000,
    desc: 'Most deliveries per second sent to the target (0 = no limit)',
  }),
  CONNECTOR_CONTROL_POLL_MS: num({
    default: 1_000,
    desc: 'How often a replica reads the operator pause/resume (connector_control) and reports its state',
  }),
  CONNECTOR_INSTANCE_ID: str({
    default: `${hostname()}-${process.pid}`,
    desc: 'Name of this replica in the console (connector_replicas)',
  }),
};

export type ConnectorRuntimeConfig = ConfigOf<typeof connectorRuntimeConfigSpec>;
