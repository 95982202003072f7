import { randomBytes } from 'node:crypto';
import axios from 'axios';
import { readConfig } from '@lienthong/config';
import { KafkaConnection, kafkaConfigSpec, Topics } from '@lienthong/kafka';
import { inParallel } from '@lienthong/connector-runtime';
import { mixedEvents } from '@lienthong/simulator';
import {
  benchKafka,
  HUB_MEMORY,
  publishAll,
  publishPaced,
  startChild,
  stopChild,
  until,
} from './bench-support';
import { ConnectorLedgerProbe } from './connector-ledger';

/** A day of a city of Hanoi's size: about 66,000 dossier events (issue 21). */
const BACKLOG_EVENTS = Number(process.env.BENCH_BACKLOG_EVENTS ?? 66_000);
const E2E_RATE = Number(process.env.BENCH_E2E_RATE ?? 200);
const E2E_EVENTS = Number(process.env.BENCH_E2E_EVENTS ?? 12_000);
const SANDBOX_PORT = '18182';
const CONNECTOR = 'national-portal';
const SYSTEMS = ['motcua', 'hotich', 'gtvt'];

const log = (message: string) => process.stderr.write(`[bench:hub] ${message}\n`);

export interface HubToPortal {
  /** Seconds from starting the hub and the portal connector on a day's backlog to its last delivery. */
  backlogDaySeconds: number;
  /** Source event → portal sandbox, per dossier: its last event sent → the portal's last accepting it. */
  latencies: number[];
}

/**
 * What users feel: source events through the hub and the national-portal connector to the portal
 * sandbox (separate processes, no faults). First a day's backlog waiting on the source topics, then a
 * steady stream of new dossiers.
 */
export async function measureHubToPortal(brokers: string): Promise<HubToPortal> {
  const id = randomBytes(3).toString('hex');
  const prefix = `benche2e${id}.`;
  const topics = new Topics(prefix);
  const connection = new KafkaConnection(
    readConfig(kafkaConfigSpec, { KAFKA_BROKERS: brokers, KAFKA_PARTITIONS: '6', LOG_LEVEL: 'error' }),
  );
  await connection.ensureTopics(topics.hubTopics(SYSTEMS, [CONNECTOR]));
  await connection.close();
  const kafka = benchKafka();
  await publishAll(
    kafka,
    mixedEvents(BACKLOG_EVENTS, (system) => topics.source(system)),
    BACKLOG_EVENTS,
    'publishing a day of events',
  );

  const schema = `bench_e2e_${id}`;
  const ledger = await new ConnectorLedgerProbe(schema).connect();
  const portalUrl = `http://127.0.0.1:${SANDBOX_PORT}`;
  const sandbox = startChild('e2e-portal-sandbox', 'apps/sandbox-national-portal/src/main.js', {
    PORTAL_SANDBOX_PORT: SANDBOX_PORT,
  });
  await until(
    () =>
      axios.get(`${portalUrl}/_sandbox/stats`).then(
        () => true,
        () => false,
      ),
    30_000,
    'the portal sandbox to listen',
  );
  const common = { KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, DATABASE_SCHEMA: schema };
  log(`hub → portal: draining a day's backlog (${BACKLOG_EVENTS} events)`);
  const startedAt = Date.now();
  const hub = startChild('e2e-hub', 'apps/hub/src/main.js', {
    ...common,
    HUB_HTTP_PORT: '0',
    HUB_INSTANCE_ID: `bench-e2e-${id}`,
    ...HUB_MEMORY,
  });
  const connector = startChild('e2e-portal-connector', 'apps/connector-national-portal/src/main.js', {
    ...common,
    PORTAL_URL: portalUrl,
    PORTAL_CONNECTOR_HTTP_PORT: '0',
    PORTAL_RECONCILE_INTERVAL_MS: '0',
  });
  try {
    const delivered = async (count: number, label: string) => {
      let handled = 0;
      await until(
        async () => {
          if (hub.exitCode !== null || connector.exitCode !== null)
            throw new Error('the hub or the connector exited; see .lienthong/bench-e2e-*.log');
          handled = (await ledger.progress(CONNECTOR)).handled;
          return handled >= count;
        },
        30 * 60_000,
        label,
        () => `${handled}/${count} delivered`,
      );
    };
    await delivered(BACKLOG_EVENTS, "the day's backlog at the portal");
    const backlogDaySeconds = (Date.now() - startedAt) / 1000;

    log(`hub → portal: latency at ${E2E_RATE} events/s (${E2E_EVENTS} events)`);
    const lastSentAt = new Map<string, number>();
    await publishPaced(
      kafka,
      mixedEvents(E2E_EVENTS, (system) => topics.source(system), BACKLOG_EVENTS + 1),
      E2E_RATE,
      (event, at) => lastSentAt.set(event.key, at),
    );
    await delivered(BACKLOG_EVENTS + E2E_EVENTS, 'the paced events at the portal');
    const latencies: number[] = [];
    await inParallel([...lastSentAt], 16, async ([code, sentAt]) => {
      const { data } = await axios.get<{ lastSyncedAt: number }>(
        `${portalUrl}/_sandbox/dossiers/${encodeURIComponent(code)}`,
      );
      latencies.push(data.lastSyncedAt - sentAt);
    });
    return { backlogDaySeconds, latencies: latencies.sort((a, b) => a - b) };
  } finally {
    await Promise.all([stopChild(hub), stopChild(connector)]);
    await stopChild(sandbox);
    await ledger.dropSchema();
  }
}
