import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import axios from 'axios';
import { readConfig } from '@lienthong/config';
import { KafkaConnection, kafkaConfigSpec, Topics } from '@lienthong/kafka';
import { isRegisteredAs, mixedEvents, type GeneratedEvent } from '@lienthong/simulator';
import { benchKafka, ensureBroker, publishAll, startChild, stopChild } from './bench-support';
import { ConnectorLedgerProbe } from './connector-ledger';
import { asDossierEvents, checkPortal, expectedAtPortal } from './portal-outcome';

/**
 * npm run chaos — the whole flow on the real broker, with CHAOS_REPLICAS (default 2) replicas of the hub
 * and of each connector, each its own process, and three sandboxes, while the sandboxes fail 30% of
 * calls (5xx, 429, timeouts, dropped connections), portal sessions expire, the portal is fully down for
 * 60 seconds, and one replica of every app is killed with SIGKILL in the middle (the hub while it
 * drains, the connectors after the outage) and started again 20 s later. Scheduled reconciliation runs
 * on every portal replica meanwhile. Then every dossier is read back through TraCuuHoSo and the portal's
 * progress records. Last line: JSON; the exit code is non-zero unless every dossier is correct, none
 * lost, created twice or regressed, and no progress step is missing.
 * CHAOS_DOSSIERS (default 2000), CHAOS_OUTAGE_S (60), CHAOS_FAULT_RATE (0.3), CHAOS_REPLICAS (2).
 */
const DOSSIERS = Number(process.env.CHAOS_DOSSIERS ?? 2000);
const OUTAGE_S = Number(process.env.CHAOS_OUTAGE_S ?? 60);
const REPLICAS = Number(process.env.CHAOS_REPLICAS ?? 2);
const APPS = {
  hub: 'apps/hub/src/main.js',
  'national-portal': 'apps/connector-national-portal/src/main.js',
  population: 'apps/connector-population/src/main.js',
  documents: 'apps/connector-documents/src/main.js',
};
type App = keyof typeof APPS;
const FAULTS = JSON.stringify({
  rate: Number(process.env.CHAOS_FAULT_RATE ?? 0.3),
  kinds: ['5xx', '429', 'timeout', 'drop'],
  timeoutMs: 3000,
});
const PORTS = { portal: 18281, population: 18282, documents: 18283 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string) => process.stderr.write(`[chaos] ${message}\n`);

/** Whole lifecycles until there are enough dossiers. */
function lifecycles(count: number): GeneratedEvent[] {
  const events: GeneratedEvent[] = [];
  const dossiers = new Set<string>();
  for (const event of mixedEvents(Number.MAX_SAFE_INTEGER, (system) => system)) {
    if (!dossiers.has(event.key) && dossiers.size === count) break;
    dossiers.add(event.key);
    events.push(event);
  }
  return events;
}

async function main(): Promise<void> {
  const brokers = ensureBroker();
  const id = randomBytes(3).toString('hex');
  const prefix = `chaos${id}.`;
  const topics = new Topics(prefix);
  const schema = `chaos_${id}`;
  const events = lifecycles(DOSSIERS);
  // Applicants the population sandbox holds under their name are verified there, and the portal record
  // must say so. (The civil registry names every applicant a citizen, even a company, which the
  // database does not know under that name; transport licensing may drop accents.)
  const expected = expectedAtPortal(
    asDossierEvents(events, (system) => system),
    ({ applicant }) =>
      applicant.type === 1 &&
      applicant.identity !== null &&
      isRegisteredAs(applicant.identity.number, applicant.name),
  );
  log(`${expected.size} dossiers, ${events.length} source events; faults ${FAULTS}`);

  const connection = new KafkaConnection(
    readConfig(kafkaConfigSpec, { KAFKA_BROKERS: brokers, LOG_LEVEL: 'error' }),
  );
  await connection.ensureTopics(topics.hubTopics(['motcua', 'hotich', 'gtvt'], []));
  await connection.close();

  const shared = {
    KAFKA_BROKERS: brokers,
    KAFKA_TOPIC_PREFIX: prefix,
    DATABASE_SCHEMA: schema,
    HUB_HTTP_PORT: '0',
    PORTAL_CONNECTOR_HTTP_PORT: '0',
    POPULATION_CONNECTOR_HTTP_PORT: '0',
    DOCUMENTS_CONNECTOR_HTTP_PORT: '0',
    PORTAL_URL: `http://127.0.0.1:${PORTS.portal}`,
    POPULATION_URL: `http://127.0.0.1:${PORTS.population}/dancuquocgia`,
    DOCUMENTS_URL: `http://127.0.0.1:${PORTS.documents}`,
    PORTAL_TIMEOUT_MS: '2000',
    POPULATION_TIMEOUT_MS: '2000',
    DOCUMENTS_TIMEOUT_MS: '2000',
    // Every portal replica schedules it; one run at a time across them.
    PORTAL_RECONCILE_INTERVAL_MS: '60000',
    // Shorter than production so a run ends in minutes; the mechanism is the same.
    CONNECTOR_RETRY_DELAYS_S: '5,15,30',
  };
  const sandboxes: ChildProcess[] = [
    startChild('chaos-portal-sandbox', 'apps/sandbox-national-portal/src/main.js', {
      PORTAL_SANDBOX_PORT: String(PORTS.portal),
      PORTAL_SANDBOX_FAULTS: FAULTS,
    }),
    startChild('chaos-population-sandbox', 'apps/sandbox-population/src/main.js', {
      POPULATION_SANDBOX_PORT: String(PORTS.population),
      POPULATION_SANDBOX_FAULTS: FAULTS,
    }),
    startChild('chaos-documents-sandbox', 'apps/sandbox-documents/src/main.js', {
      DOCUMENTS_SANDBOX_PORT: String(PORTS.documents),
      DOCUMENTS_SANDBOX_FAULTS: FAULTS,
    }),
  ];
  const replica = (app: App, index: number, restarted = false) =>
    startChild(`chaos-${app}-${index}${restarted ? '-restarted' : ''}`, APPS[app], {
      ...shared,
      HUB_INSTANCE_ID: `chaos-${index}`,
      CONNECTOR_INSTANCE_ID: `chaos-${index}`,
    });
  const replicas = new Map<App, ChildProcess[]>(
    (Object.keys(APPS) as App[]).map((app) => [
      app,
      Array.from({ length: REPLICAS }, (_, index) => replica(app, index)),
    ]),
  );
  const running = () => [...sandboxes, ...[...replicas.values()].flat()];
  /** SIGKILL to the first replica of each app named, and each started again after a while. */
  const killAndRestart = async (apps: App[]) => {
    log(`first replica of ${apps.join(', ')} killed with SIGKILL`);
    await Promise.all(
      apps.map(async (app) => {
        const victim = replicas.get(app)![0];
        victim.kill('SIGKILL');
        await new Promise((resolve) => victim.once('exit', resolve));
      }),
    );
    await sleep(20_000);
    log(`first replica of ${apps.join(', ')} started again`);
    for (const app of apps) replicas.get(app)![0] = replica(app, 0, true);
  };
  const ledger = await new ConnectorLedgerProbe(schema).connect();
  const portalUrl = shared.PORTAL_URL;
  const sessionExpiry = setInterval(
    () => void axios.post(`${portalUrl}/_sandbox/expire-sessions`).catch(() => undefined),
    20_000,
  );
  try {
    await publishAll(
      benchKafka(),
      events.map((event) => ({ ...event, topic: topics.source(event.topic) })),
      events.length,
      'publishing',
    );
    await killAndRestart(['hub']);
    log(`portal down for ${OUTAGE_S} s`);
    await axios.post(`${portalUrl}/_sandbox/faults/outage`, { seconds: OUTAGE_S });
    await sleep(OUTAGE_S * 1000 + 10_000);
    await killAndRestart(['national-portal', 'population', 'documents']);

    const deadline = Date.now() + 20 * 60_000;
    for (let handled = 0; handled < events.length;) {
      if (Date.now() > deadline)
        throw new Error(`timed out: ${handled} of ${events.length} events handled by the portal connector`);
      await sleep(5_000);
      const exited = running().find((child) => child.exitCode !== null);
      if (exited)
        throw new Error(`an app exited (${exited.spawnargs.at(-1)}); see .lienthong/bench-chaos-*.log`);
      handled = (await ledger.progress('national-portal')).handled;
      log(`portal connector: ${handled}/${events.length} events handled`);
    }
    clearInterval(sessionExpiry);
    await axios.put(`${portalUrl}/_sandbox/faults`, { rate: 0 });
    const outcome = await checkPortal(portalUrl, expected);
    const { dossiers, ...counts } = outcome;
    console.log(JSON.stringify({ dossiers, replicas: REPLICAS, ...counts }));
    const healthy =
      outcome.dossiers >= DOSSIERS &&
      outcome.correct_at_portal === outcome.dossiers &&
      outcome.lost === 0 &&
      outcome.duplicate_creates === 0 &&
      outcome.status_regressions === 0 &&
      outcome.progress_steps_missing === 0;
    process.exitCode = healthy ? 0 : 1;
  } finally {
    clearInterval(sessionExpiry);
    await Promise.all(running().map((child) => stopChild(child)));
    await ledger.dropSchema();
  }
}

main().catch((error: unknown) => {
  console.error(`[chaos] failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
