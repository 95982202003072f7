import { randomBytes } from 'node:crypto';
import { readConfig } from '@lienthong/config';
import { KafkaConnection, kafkaConfigSpec, Topics } from '@lienthong/kafka';
import { mixedEvents } from '@lienthong/simulator';
import { Partitioners } from 'kafkajs';
import { benchKafka, ensureBroker, peakRssMb, startChild, stopChild } from './bench-support';
import { ConnectorLedgerProbe } from './connector-ledger';
import { asDossierEvents, checkPortal, expectedAtPortal } from './portal-outcome';

/**
 * npm run bench:connectors — the national-portal connector draining a backlog of dossier events from
 * its route topic to the portal sandbox (a separate process), no faults. Last line: JSON.
 * BENCH_DELIVERIES (default 20000).
 */
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 20_000);
const CONNECTOR = 'national-portal';
const SANDBOX_PORT = '18181';
const log = (message: string) => process.stderr.write(`[bench:connectors] ${message}\n`);

async function main(): Promise<void> {
  const brokers = ensureBroker();
  const id = randomBytes(3).toString('hex');
  const prefix = `bench${id}.`;
  const topics = new Topics(prefix);
  const connection = new KafkaConnection(
    readConfig(kafkaConfigSpec, { KAFKA_BROKERS: brokers, KAFKA_PARTITIONS: '6', LOG_LEVEL: 'error' }),
  );
  await connection.ensureTopics(topics.connectorTopics(CONNECTOR, 3));
  await connection.close();

  const dossiers = asDossierEvents([...mixedEvents(DELIVERIES, (system) => system)], (system) => system);
  const producer = benchKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  for (let start = 0; start < dossiers.length; start += 2000) {
    await producer.send({
      topic: topics.route(CONNECTOR),
      messages: dossiers
        .slice(start, start + 2000)
        .map((dossier) => ({ key: dossier.dossierCode, value: JSON.stringify(dossier) })),
    });
  }
  await producer.disconnect();
  log(
    `${dossiers.length} dossier events of ${expectedAtPortal(dossiers).size} dossiers on ${topics.route(CONNECTOR)}`,
  );

  const schema = `bench_${id}`;
  const ledger = await new ConnectorLedgerProbe(schema).connect();
  const sandbox = startChild('portal-sandbox', 'apps/sandbox-national-portal/src/main.js', {
    PORTAL_SANDBOX_PORT: SANDBOX_PORT,
  });
  const portalUrl = `http://127.0.0.1:${SANDBOX_PORT}`;
  const connector = startChild('portal-connector', 'apps/connector-national-portal/src/main.js', {
    KAFKA_BROKERS: brokers,
    KAFKA_TOPIC_PREFIX: prefix,
    DATABASE_SCHEMA: schema,
    PORTAL_URL: portalUrl,
    PORTAL_CONNECTOR_HTTP_PORT: '0',
    PORTAL_RECONCILE_INTERVAL_MS: '0',
  });
  try {
    let progress = await ledger.progress(CONNECTOR);
    const deadline = Date.now() + 15 * 60_000;
    let nextReport = Date.now() + 5000;
    while (progress.handled < DELIVERIES) {
      if (Date.now() > deadline) throw new Error(`timed out: ${progress.handled} of ${DELIVERIES} delivered`);
      if (connector.exitCode !== null)
        throw new Error('the connector exited; see .lienthong/bench-portal-connector.log');
      await new Promise((resolve) => setTimeout(resolve, 250));
      progress = await ledger.progress(CONNECTOR);
      if (Date.now() > nextReport) {
        log(`${progress.handled}/${DELIVERIES} delivered`);
        nextReport += 5000;
      }
    }
    const seconds = (progress.lastAt - progress.firstAt) / 1000;
    const rssMb = peakRssMb(connector.pid!);
    const outcome = await checkPortal(portalUrl, expectedAtPortal(dossiers));
    log(`connector peak RSS ${rssMb} MB; portal: ${JSON.stringify(outcome)}`);
    console.log(
      JSON.stringify({
        deliveries: DELIVERIES,
        deliveries_per_s: Math.round(DELIVERIES / seconds),
        lost: outcome.lost + (outcome.dossiers - outcome.correct_at_portal - outcome.lost),
        duplicates_at_target: outcome.duplicate_creates,
      }),
    );
  } finally {
    await stopChild(connector);
    await stopChild(sandbox);
    await ledger.dropSchema();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:connectors] failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
