import { num, type ConfigOf } from '@lienthong/config';

export const connectorRuntimeConfigSpec = {
  CONNECTOR_CONCURRENCY: num({
    default: 16,
    desc: 'Dossiers delivered in parallel per partition batch (one dossier stays in order)',
  }),
  CONNECTOR_MAX_ATTEMPTS: num({
    default: 6,
    desc: 'Attempts of one delivery before the batch is handed back to Kafka to retry',
  }),
  CONNECTOR_BACKOFF_INITIAL_MS: num({
    default: 200,
    desc: 'First retry delay; it grows exponentially, with jitter',
  }),
  CONNECTOR_BACKOFF_MAX_MS: num({ default: 10_000, desc: 'Longest retry delay' }),
};

export type ConnectorRuntimeConfig = ConfigOf<typeof connectorRuntimeConfigSpec>;
