import { randomBytes } from 'node:crypto';
import { startApp } from '@lienthong/bootstrap';
import { readConfig } from '@lienthong/config';
import { Database, DatabaseModule, databaseConfigSpec } from '@lienthong/database';
import { KafkaConnection, KafkaModule, kafkaConfigSpec, Topics } from '@lienthong/kafka';
import {
  DashboardModule,
  dashboardModuleConfigSpec,
  KpiProjection,
  KpiQueries,
  KpiStore,
  PortalFactsWriter,
} from '@lienthong/kpi';
import { TokenStore } from '@lienthong/access';
import { mixedEvents } from '@lienthong/simulator';
import axios from 'axios';
import { Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { benchKafka, ensureBroker } from './bench-support';
import { fillNationalSide } from './national-drift';
import { asDossierEvents } from './portal-outcome';

/**
 * npm run bench:kpi — the KPI dashboard at the size of Hà Nội.
 * 1. Projection: BENCH_KPI_EVENTS (100,000) dossier.v1 events of the three sources, projected from
 *    the broker into an empty read model; events per second from the first batch to the last.
 * 2. Queries: a year of BENCH_KPI_DOSSIERS (4,000,000) dossiers of BENCH_KPI_AGENCIES (60) agencies
 *    written straight into the read model inside PostgreSQL (generate_series), then the dashboard's
 *    own HTTP API timed: the ranking of a quarter, and one agency's drill-down (its score and series
 *    for the quarter, and its dossiers overdue now, with a viewer token), each BENCH_KPI_QUERIES (40) times.
 * 3. Drift: with the portal connector's record of every dossier and each agency's national score of May
 *    2025 beside it (./national-drift), one agency's national drill-down (items, causes and their
 *    dossiers) for the month, and for the whole year; then the sync marking's copying of the portal
 *    records into the read model (kpi_dossiers.portal_*), records per second (portal_facts_per_s).
 * Last line: {"dossiers", "projection_events_per_s", "ranking_p95_ms", "drilldown_p95_ms",
 * "drift_p95_ms", "drift_year_p95_ms", "portal_facts_per_s"}.
 */
const EVENTS = Number(process.env.BENCH_KPI_EVENTS ?? 100_000);
const DOSSIERS = Number(process.env.BENCH_KPI_DOSSIERS ?? 4_000_000);
const AGENCIES = Number(process.env.BENCH_KPI_AGENCIES ?? 60);
const QUERIES = Number(process.env.BENCH_KPI_QUERIES ?? 40);
const CHUNK = 500_000;
const QUARTER = 'from=2025-04-01&to=2025-06-30';
const DRIFT_MONTH = '2025-05';
const log = (message: string) => process.stderr.write(`[bench:kpi] ${message}\n`);

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1];

async function projection(brokers: string, id: string): Promise<number> {
  const topics = new Topics(`bench${id}.`);
  const env = {
    KAFKA_BROKERS: brokers,
    KAFKA_PARTITIONS: '6',
    DATABASE_SCHEMA: `bench_kpi_${id}`,
    LOG_LEVEL: 'error',
  };
  const kafka = new KafkaConnection(readConfig(kafkaConfigSpec, env));
  const database = new Database(readConfig(databaseConfigSpec, env));
  try {
    await kafka.ensureTopics([{ name: topics.dossier }]);
    const dossiers = asDossierEvents([...mixedEvents(EVENTS, (system) => system)], (system) => system);
    const producer = benchKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    for (let start = 0; start < dossiers.length; start += 2000) {
      await producer.send({
        topic: topics.dossier,
        messages: dossiers
          .slice(start, start + 2000)
          .map((dossier) => ({ key: dossier.dossierCode, value: JSON.stringify(dossier) })),
      });
    }
    await producer.disconnect();
    log(`${dossiers.length} dossier.v1 events on ${topics.dossier}`);

    await database.migrate();
    const store = new KpiStore(database);
    const queries = new KpiQueries(database);
    const sut = new KpiProjection(kafka, topics, store, { groupId: topics.group('kpi'), syncMarkMs: 60_000 });
    await sut.start();
    let first = 0;
    let progress = await queries.progress();
    const deadline = Date.now() + 600_000;
    while (progress.events < dossiers.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      progress = await queries.progress();
      if (!first && progress.events > 0) first = Date.now() - 50;
    }
    const elapsed = (Date.now() - first) / 1000;
    await sut.stop();
    if (progress.events < dossiers.length)
      throw new Error(`projected ${progress.events} of ${dossiers.length}`);
    log(`projected ${progress.events} events in ${elapsed.toFixed(1)} s`);
    return Math.round(progress.events / elapsed);
  } finally {
    await kafka.close();
    await database.query(`DROP SCHEMA IF EXISTS bench_kpi_${id} CASCADE`).catch(() => undefined);
    await database.close();
  }
}

/**
 * A year (2025) of dossiers, in the shape the projection writes: about 0.3% finished late, 0.2% with
 * two supplement requests, the last three weeks' dossiers partly still open; then the sums per day as
 * `contribution()` counts them.
 */
async function fillReadModel(client: Client, schema: string): Promise<void> {
  await client.query(`SET search_path = ${schema}`);
  await client.query('SELECT setseed(0.766)');
  for (let start = 0; start < DOSSIERS; start += CHUNK) {
    const end = Math.min(DOSSIERS, start + CHUNK);
    await client.query(
      `INSERT INTO kpi_dossiers
       SELECT code, agency, procedure, (received AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, received, due,
              end_at, CASE WHEN status = 7 THEN NULL ELSE end_at END,
              CASE WHEN status = 10 THEN end_at + interval '2 hours' END,
              CASE WHEN status = 7 THEN end_at END,
              status, 4, channel, supplement_ms, NULL, entries, entries,
              has_fees, has_fees AND r_paid < 0.5, r_digitized < 0.8, r_reused < 0.155, r_warehouse < 0.1,
              end_at IS NOT NULL AND status <> 7 AND r_result < 0.9, r_population < 0.3,
              CASE WHEN status = 10 AND r_rated < 0.7 THEN
                CASE WHEN r_level < 0.7 THEN 'very_satisfied' WHEN r_level < 0.96 THEN 'satisfied' ELSE 'not_satisfied' END
              END,
              end_at IS NOT NULL AND entries <= 1 AND end_at - supplement_ms * interval '1 millisecond' <= due,
              true, now(), false, false, NULL, false, false,
              -- what the portal connector last sent, as the sync marking copies it (./national-drift writes
              -- the records themselves from these): a few never created, a few with another payment flag
              random() > 0.001, status, (has_fees AND r_paid < 0.5) <> (random() < 0.0005), r_digitized < 0.8,
              r_reused < 0.155, false, false, coalesce(end_at, received) + interval '1 hour'
       FROM (
         SELECT *, CASE WHEN status = 4 THEN NULL
                        WHEN r_late < 0.003 THEN due + interval '1 day'
                        ELSE received + (due - received) * r_duration END AS end_at
         FROM (
           SELECT format('%s-%s-%s', agency, to_char(received AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD'), g) AS code,
                  agency, procedure, received, received + days * interval '1 day' AS due,
                  CASE WHEN received > '2025-12-10' AND r_open < 0.2 THEN 4 WHEN r_open < 0.02 THEN 7 ELSE 10 END AS status,
                  CASE WHEN r_channel < 0.6 THEN 2 ELSE 1 END AS channel,
                  CASE WHEN r_supplement < 0.002 THEN 2 WHEN r_supplement < 0.1 THEN 1 ELSE 0 END AS entries,
                  CASE WHEN r_supplement < 0.1 THEN 3600000 ELSE 0 END AS supplement_ms,
                  r_fees < 0.4 AS has_fees, r_paid, r_digitized, r_reused, r_warehouse, r_result, r_population,
                  r_rated, r_level, r_late, r_duration
           FROM (
             SELECT g, a,
                    format('000.00.%s.H26', lpad((10 + a)::text, 2, '0')) AS agency,
                    '1.' || lpad((1000 + (a * 7 + floor(random() * 40)::int) % 400)::text, 6, '0') AS procedure,
                    timestamptz '2025-01-01 07:00:00+07' + (g::float8 / $3) * interval '365 days' AS received,
                    3 + floor(random() * 12)::int AS days,
                    random() AS r_open, random() AS r_channel, random() AS r_supplement, random() AS r_fees,
                    random() AS r_paid, random() AS r_digitized, random() AS r_reused, random() AS r_warehouse,
                    random() AS r_result, random() AS r_population, random() AS r_rated, random() AS r_level,
                    random() AS r_late, random() AS r_duration
             FROM (SELECT g, floor(random() * $4)::int AS a FROM generate_series($1::int, $2::int - 1) AS g) AS base
           ) AS drawn
         ) AS shaped
       ) AS timed`,
      [start, end, DOSSIERS, AGENCIES],
    );
    log(`read model: ${end} of ${DOSSIERS} dossiers`);
  }
  await client.query(
    `INSERT INTO kpi_daily
     SELECT received_day, agency_code, procedure_code, count(*),
            count(*) FILTER (WHERE on_time_final), count(*) FILTER (WHERE channel = 2),
            count(*) FILTER (WHERE has_fees), count(*) FILTER (WHERE has_fees AND paid_online),
            count(*) FILTER (WHERE digitized), count(*) FILTER (WHERE reused), count(*) FILTER (WHERE from_warehouse),
            count(*) FILTER (WHERE processed_at IS NOT NULL OR returned_at IS NOT NULL),
            count(*) FILTER (WHERE (processed_at IS NOT NULL OR returned_at IS NOT NULL) AND e_result),
            count(*) FILTER (WHERE population_data), count(*) FILTER (WHERE rating IS NOT NULL),
            count(*) FILTER (WHERE rating = 'not_satisfied'), count(*) FILTER (WHERE portal_synced)
     FROM kpi_dossiers GROUP BY 1, 2, 3`,
  );
  await client.query(
    `INSERT INTO kpi_monthly
     SELECT date_trunc('month', day)::date, agency_code, procedure_code, sum(received), sum(on_time_final),
            sum(online), sum(with_fees), sum(paid_online), sum(digitized), sum(reused), sum(from_warehouse),
            sum(settled), sum(e_result), sum(population_data), sum(rated), sum(not_satisfied), sum(synced)
     FROM kpi_daily GROUP BY 1, 2, 3`,
  );
  await client.query(
    `INSERT INTO kpi_agency_daily
     SELECT day, agency_code, sum(received), sum(on_time_final), sum(online), sum(with_fees), sum(paid_online),
            sum(digitized), sum(reused), sum(from_warehouse), sum(settled), sum(e_result), sum(population_data),
            sum(rated), sum(not_satisfied), sum(synced)
     FROM kpi_daily GROUP BY 1, 2`,
  );
  await client.query(
    `INSERT INTO kpi_agencies SELECT DISTINCT agency_code, 'Cơ quan ' || agency_code FROM kpi_dossiers
     ON CONFLICT DO NOTHING`,
  );
  await client.query('ANALYZE kpi_dossiers');
  await client.query('ANALYZE kpi_daily');
  await client.query('ANALYZE kpi_monthly');
  await client.query('ANALYZE kpi_agency_daily');
  const [{ count }] = (await client.query('SELECT count(*) FROM kpi_daily')).rows;
  log(`read model: ${count} rows of sums per agency × day × procedure`);
}

/**
 * The sync marking's cost: one agency's May written anew by the portal connector (its records' write
 * time moved on), followed into the read model from where it stood; records followed per second.
 */
async function followPortalWrites(client: Client, database: Database, agencyCode: string): Promise<number> {
  const writer = new PortalFactsWriter(database);
  const since = await writer.newest();
  const { rowCount } = await client.query(
    `UPDATE target_dossier_state SET updated_at = now() + interval '2 minutes'
     WHERE connector = 'national-portal' AND dossier_code IN (
       SELECT dossier_code FROM kpi_dossiers WHERE agency_code = $1 AND received_day BETWEEN '2025-05-01' AND '2025-05-31')`,
    [agencyCode],
  );
  const started = process.hrtime.bigint();
  await writer.changedSince(since);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  log(`sync marking: ${rowCount} portal records of ${agencyCode}'s May followed in ${seconds.toFixed(2)} s`);
  return Math.round((rowCount ?? 0) / seconds);
}

async function timed(label: string, call: () => Promise<unknown>): Promise<number> {
  await call(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const started = process.hrtime.bigint();
    await call();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const result = Math.round(p95(times) * 10) / 10;
  log(`${label}: p50 ${Math.round(times.sort((a, b) => a - b)[times.length >> 1])} ms, p95 ${result} ms`);
  return result;
}

async function main(): Promise<void> {
  const brokers = ensureBroker();
  const id = randomBytes(3).toString('hex');
  const projectionEventsPerS = await projection(brokers, id);

  const schema = `bench_kpi_${id}_year`;
  const env = {
    ...process.env,
    KAFKA_BROKERS: brokers,
    DATABASE_SCHEMA: schema,
    KPI_PROJECTION: 'off',
    LOG_LEVEL: 'error',
  };
  const database = new Database(readConfig(databaseConfigSpec, env));
  const client = new Client({ connectionString: readConfig(databaseConfigSpec, env).DATABASE_URL });
  await client.connect();
  const dashboard = { app: undefined as Awaited<ReturnType<typeof startApp>> | undefined };
  try {
    await database.migrate();
    const started = Date.now();
    await fillReadModel(client, schema);
    log(`read model of ${DOSSIERS} dossiers written in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await fillNationalSide(client, DRIFT_MONTH);
    log(`portal records and national scores of ${DRIFT_MONTH} written`);
    // What autovacuum does after a bulk load: the visibility map lets one agency's dossiers be read from the index.
    await client.query('VACUUM kpi_dossiers');
    const token = (await new TokenStore(database).create('bench', 'viewer', 'bench')).token;
    dashboard.app = await startApp(
      'dashboard',
      [
        KafkaModule.forRoot(readConfig(kafkaConfigSpec, env)),
        DatabaseModule.forRoot(readConfig(databaseConfigSpec, env)),
        DashboardModule.register(readConfig(dashboardModuleConfigSpec, env)),
      ],
      { port: 0 },
    );
    const url = dashboard.app.url!;
    const ranking = await axios.get(`${url}/kpi/api/ranking?${QUARTER}`);
    log(
      `ranking of Q2 2025: ${ranking.data.agencies.length} agencies, ${ranking.data.city.counts.received} dossiers, ` +
        `city on time ${((ranking.data.city.counts.onTime / ranking.data.city.counts.received) * 100).toFixed(2)}%`,
    );
    const rankingP95 = await timed('ranking of a quarter', () =>
      axios.get(`${url}/kpi/api/ranking?${QUARTER}`),
    );
    let next = 0;
    const agencies: string[] = ranking.data.agencies.map(
      (agency: { agencyCode: string }) => agency.agencyCode,
    );
    const drilldownP95 = await timed("one agency's drill-down", () => {
      const code = agencies[next++ % agencies.length];
      return Promise.all([
        axios.get(`${url}/kpi/api/agencies/${code}?${QUARTER}`),
        axios.get(`${url}/kpi/api/agencies/${code}/overdue`, {
          headers: { Authorization: `Bearer ${token}` },
        }),
      ]);
    });
    const drift = (period: string) => () => {
      const code = agencies[next++ % agencies.length];
      return axios.get(`${url}/kpi/api/national/agencies/${code}?period=${period}`);
    };
    const sample = (await drift(DRIFT_MONTH)()).data;
    log(
      `drift drill-down of ${DRIFT_MONTH}: ${sample.items.length} items, causes ` +
        sample.causes
          .map((cause: { kind: string; count: number }) => `${cause.kind} ${cause.count}`)
          .join(', '),
    );
    const driftP95 = await timed(`one agency's national drill-down (${DRIFT_MONTH})`, drift(DRIFT_MONTH));
    const driftYearP95 = await timed("one agency's national drill-down (2025)", drift('2025'));
    const portalFactsPerS = await followPortalWrites(client, database, agencies[0]);
    console.log(
      JSON.stringify({
        dossiers: DOSSIERS,
        projection_events_per_s: projectionEventsPerS,
        ranking_p95_ms: rankingP95,
        drilldown_p95_ms: drilldownP95,
        drift_p95_ms: driftP95,
        drift_year_p95_ms: driftYearP95,
        portal_facts_per_s: portalFactsPerS,
      }),
    );
  } finally {
    await dashboard.app?.app.close();
    if (!process.env.BENCH_KPI_KEEP) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
