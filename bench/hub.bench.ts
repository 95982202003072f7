import { randomBytes } from 'node:crypto';
import { HubHeader, KafkaConnection, kafkaConfigSpec, Topics } from '@lienthong/kafka';
import { projectPath, readConfig } from '@lienthong/config';
import {
  benchKafka,
  ensureBroker,
  headerOf,
  peakRssMb,
  percentile,
  publishAll,
  publishPaced,
  HUB_MEMORY,
  startChild,
  stopChild,
  tailRatio,
  until,
  watchTopic,
} from './bench-support';
import { mixedEvents } from '@lienthong/simulator';
import type { Message } from 'node-rdkafka';
import { measureHubToPortal } from './hub-to-portal';

/**
 * npm run bench:hub — the hub's sustained throughput draining a backlog of mixed source events, its
 * latency under a steady load, and a plain passthrough of the same events as the ceiling: on the hub's
 * client (kafkajs; `ratio` is against it) and on librdkafka (node-rdkafka). Then what users feel: source
 * events through the hub and the national-portal connector to the portal sandbox (`e2e_*_ms` per dossier
 * at a steady rate, `backlog_day_s` for a day's backlog; bench/hub-to-portal.ts). Last line: JSON.
 * BENCH_EVENTS (default 200000), BENCH_LATENCY_EVENTS (20000), BENCH_LATENCY_RATE (1000/s),
 * BENCH_BACKLOG_EVENTS (66000), BENCH_E2E_EVENTS (12000), BENCH_E2E_RATE (200/s).
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const LATENCY_EVENTS = Number(process.env.BENCH_LATENCY_EVENTS ?? 20_000);
const LATENCY_RATE = Number(process.env.BENCH_LATENCY_RATE ?? 1_000);
/** Hub processes (replicas of one group), and passthrough processes for a fair ceiling; one per core at most. */
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 1);
/** At least 1 ms per event: a year's volume takes longer than the default run. */
const DRAIN_TIMEOUT_MS = Math.max(15 * 60_000, EVENTS);
const SYSTEMS = ['motcua', 'hotich', 'gtvt'];

const log = (message: string) => process.stderr.write(`[bench:hub] ${message}\n`);

async function main(): Promise<void> {
  const brokers = ensureBroker();
  const prefix = `bench${randomBytes(3).toString('hex')}.`;
  const topics = new Topics(prefix);
  const connection = new KafkaConnection(
    readConfig(kafkaConfigSpec, { KAFKA_BROKERS: brokers, KAFKA_PARTITIONS: '6', LOG_LEVEL: 'error' }),
  );
  const passthroughTopic = `${prefix}passthrough`;
  await connection.ensureTopics(topics.hubTopics(SYSTEMS, ['national-portal']));
  const kafka = benchKafka();

  await publishAll(
    kafka,
    mixedEvents(EVENTS, (system) => topics.source(system)),
    EVENTS,
    'publishing backlog',
  );

  log('hub: draining the backlog');
  let noteIds = false;
  // The hub writes each event once, to dossier.v1, naming the connectors it routes it to: what counts
  // is what the portal's connector takes. Its rule has no condition, so every event but the stale ones
  // (never routed; each dossier's events are published in order, so there should be none) is for it.
  let stale = 0;
  const forThePortal = (message: Message) => {
    if (headerOf(message, HubHeader.Stale) === 'true') {
      stale += 1;
      return false;
    }
    return (headerOf(message, HubHeader.Routes) ?? '').split(',').includes('national-portal');
  };
  const routed = await watchTopic(brokers, topics.dossier, () => noteIds, EVENTS / 10, forThePortal);
  const hubs = Array.from({ length: REPLICAS }, (_, index) =>
    startChild(
      `hub-${index}`,
      'apps/hub/src/main.js',
      {
        KAFKA_TOPIC_PREFIX: prefix,
        KAFKA_BROKERS: brokers,
        HUB_HTTP_PORT: '0',
        HUB_INSTANCE_ID: `bench-${index}`,
        DATABASE_SCHEMA: prefix.replace('.', ''),
        ...HUB_MEMORY,
      },
      // BENCH_PROFILE=1: a V8 CPU profile of each hub, written under .lienthong/profiles when it stops.
      process.env.BENCH_PROFILE === '1'
        ? ['--cpu-prof', `--cpu-prof-dir=${projectPath('.lienthong', 'profiles')}`]
        : [],
    ),
  );
  await until(
    () => routed.arrivals.count >= EVENTS - stale,
    DRAIN_TIMEOUT_MS,
    'the hub to route the backlog',
    () => `${routed.arrivals.count} routed, ${stale} stale`,
  );
  const hubSeconds = (routed.arrivals.lastAt! - routed.arrivals.firstAt!) / 1000;
  const hubEventsPerSecond = EVENTS / hubSeconds;
  const hubTailRatio = tailRatio(routed.arrivals);

  log(`hub: latency at ${LATENCY_RATE} events/s`);
  noteIds = true;
  const sentAt = new Map<string, number>();
  // New dossiers (serials after the backlog's), so none of them is stale.
  const paced = mixedEvents(LATENCY_EVENTS, (system) => topics.source(system), EVENTS + 1);
  await publishPaced(kafka, paced, LATENCY_RATE, (event, at) => sentAt.set(event.eventId, at));
  await until(() => routed.arrivals.count >= EVENTS + LATENCY_EVENTS - stale, 120_000, 'the latency events');
  const latencies = [...sentAt]
    .map(([id, at]) => (routed.arrivals.byEventId.get(id) ?? NaN) - at)
    .filter(Number.isFinite);
  latencies.sort((a, b) => a - b);
  const rssMb = Math.max(...hubs.map((hub) => peakRssMb(hub.pid!)));
  await Promise.all(hubs.map((hub) => stopChild(hub)));
  await routed.stop();

  const passthrough = async (client: 'kafkajs' | 'librdkafka') => {
    log(`passthrough (${client}): draining the same backlog`);
    const outputTopic = `${passthroughTopic}-${client}`;
    await connection.ensureTopics([{ name: outputTopic }]);
    const passed = await watchTopic(brokers, outputTopic, () => false);
    const children = Array.from({ length: REPLICAS }, (_, index) =>
      startChild(`passthrough-${client}-${index}`, 'bench/passthrough.js', {
        KAFKA_BROKERS: brokers,
        PASSTHROUGH_CLIENT: client,
        PASSTHROUGH_GROUP: `${prefix}passthrough-${client}`,
        PASSTHROUGH_INPUTS: SYSTEMS.map((system) => topics.source(system)).join(','),
        PASSTHROUGH_OUTPUT: outputTopic,
      }),
    );
    await until(
      () => passed.arrivals.count >= EVENTS,
      DRAIN_TIMEOUT_MS,
      `the ${client} passthrough`,
      () => `${passed.arrivals.count} passed`,
    );
    await Promise.all(children.map((child) => stopChild(child)));
    await passed.stop();
    return EVENTS / ((passed.arrivals.lastAt! - passed.arrivals.firstAt!) / 1000);
  };
  const passthroughEventsPerSecond = await passthrough('kafkajs');
  const librdkafkaPassthroughEventsPerSecond = await passthrough('librdkafka');
  await connection.close();
  const toPortal = await measureHubToPortal(brokers);

  const round = (value: number, digits = 0) => Number(value.toFixed(digits));
  console.log(
    JSON.stringify({
      events: EVENTS,
      replicas: REPLICAS,
      hub_events_per_s: round(hubEventsPerSecond),
      passthrough_events_per_s: round(passthroughEventsPerSecond),
      passthrough_librdkafka_events_per_s: round(librdkafkaPassthroughEventsPerSecond),
      ratio: round(hubEventsPerSecond / passthroughEventsPerSecond, 2),
      p50_ms: round(percentile(latencies, 50)),
      p99_ms: round(percentile(latencies, 99)),
      rss_mb: rssMb,
      tail_ratio: round(hubTailRatio, 2),
      e2e_p50_ms: round(percentile(toPortal.latencies, 50)),
      e2e_p99_ms: round(percentile(toPortal.latencies, 99)),
      backlog_day_s: round(toPortal.backlogDaySeconds, 1),
    }),
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
