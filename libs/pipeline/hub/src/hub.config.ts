import { hostname } from 'node:os';
import { num, port, projectPath, str, type ConfigOf } from '@lienthong/config';
import { pseudonymKeySpec, sealKeysSpec } from '@lienthong/personal-data';

export const hubConfigSpec = {
  HUB_GROUP_ID: str({
    default: 'lienthong.hub',
    desc: 'Kafka consumer group of the hub (all replicas share it)',
  }),
  HUB_INSTANCE_ID: str({
    default: hostname(),
    desc: 'Stable id of this hub replica; names its transactional producer',
  }),
  ROUTES_FILE: str({
    default: projectPath('config', 'routes.yaml'),
    desc: 'Routing rules (YAML, schemas/routing.v1.json): which connectors receive which dossier events',
  }),
  HUB_CONCURRENCY: num({
    default: 6,
    desc: 'Partitions processed at once, each in its own Kafka transaction',
  }),
  HUB_TRANSACTION_TIMEOUT_MS: num({
    default: 15_000,
    desc: "How long the brokers let one of the hub's transactions stay open; keep it above 10 s, the longest a commit retries. A replica that dies mid-transaction holds the read_committed readers of its partitions (the connectors, the next replica's state restore) back this long; a transaction only sends a batch's output and commits",
  }),
  HUB_HTTP_PORT: port({ default: 8090, desc: 'Port of the hub /health and /metrics' }),
  HUB_STATE_RETENTION_DAYS: num({
    default: 30,
    desc: "Days the hub remembers a dossier's state (applied event ids, latest sequence) after its last change, in memory at some 250 bytes a dossier; every hour the hub forgets older ones (tombstones on hub.state.v1). A duplicate or an out-of-order event older than this is still caught by each connector ledger and the KPI projection's sequence check (0 = keep forever)",
  }),
};

/**
 * What the hub app reads beside Kafka (it has no database): its own settings, the pseudonym key and
 * both keys of the applicant's sealed parts on dossier.v1.
 */
export const hubModuleConfigSpec = { ...hubConfigSpec, ...pseudonymKeySpec, ...sealKeysSpec };

export type HubConfig = ConfigOf<typeof hubModuleConfigSpec>;

/** Injection token of the hub's settings, read once by the app. */
export const HUB_CONFIG = Symbol('HUB_CONFIG');
