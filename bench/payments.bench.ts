import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readConfig } from '@lienthong/config';
import { KafkaConnection, kafkaConfigSpec, Topics } from '@lienthong/kafka';
import type { HeldTransaction, PaymentSandboxCounts } from '@lienthong/sandboxes';
import type { PaymentEvent, PaymentRequest } from '@lienthong/schemas';
import { motcuaLifecycle, paymentRequestOf, seededRandom } from '@lienthong/simulator';
import axios from 'axios';
import { Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { benchKafka, ensureBroker, startChild, stopChild } from './bench-support';

/**
 * npm run bench:payments — BENCH_PAYMENTS (default 5000) of the simulator's payment requests (and 2%
 * sent twice) on src.motcua.payment-requests; the payment connector and the payment-platform sandbox
 * run as separate processes on the real broker and PostgreSQL. Phase 1: the connector INITs every
 * request (inits_per_s). Phase 2: the sandbox settles every transaction at once and POSTs each signed
 * result to the connector's callback endpoint (callbacks_per_s, from the first settle to the last
 * settlement in the ledger). Then the ledger, the platform and payment.v1 are compared. Last line: JSON.
 */
const REQUESTS = Number(process.env.BENCH_PAYMENTS ?? 5_000);
const REPEATED_SHARE = 0.02;
const SANDBOX_PORT = 18185;
const CALLBACK_PORT = 18194;
const SYSTEM = 'motcua';
const log = (message: string) => process.stderr.write(`[bench:payments] ${message}\n`);

/** The simulator's payment requests: realistic payers, fees and revenue accounts, one per dossier. */
function paymentRequests(count: number): PaymentRequest[] {
  const random = seededRandom(18);
  const requests: PaymentRequest[] = [];
  for (let serial = 1; requests.length < count; serial++) {
    const planned = paymentRequestOf(motcuaLifecycle(serial, Date.now() - 86_400_000, random), random);
    if (planned) requests.push(planned.request);
  }
  return requests;
}

type Count = Awaited<ReturnType<PaymentsProbe['count']>>;

/** Polls `probe` until it counts `target`, telling on stderr every few seconds how far it got. */
async function counted(what: string, probe: () => Promise<Count>, target: number, alive: () => void) {
  const deadline = Date.now() + 15 * 60_000;
  let nextReport = Date.now() + 5000;
  for (;;) {
    alive();
    const count = await probe();
    if (count.n >= target) return count;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (${count.n}/${target})`);
    if (Date.now() > nextReport) {
      log(`${what}: ${count.n}/${target}`);
      nextReport += 5000;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** CPU time a process has used so far, in ms (Linux: utime + stime, at 100 ticks a second). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The payments ledger of the connector's schema, read as an operator would. */
class PaymentsProbe {
  private readonly client = new Client({
    connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  });

  constructor(private readonly schema: string) {}

  async connect(): Promise<this> {
    await this.client.connect();
    return this;
  }

  /** How many payments match `where`, and the span (ms since epoch) of `from` to `to` over them. */
  async count(where: string, from = 'initiated_at', to = 'updated_at') {
    try {
      const { rows } = await this.client.query(
        `SELECT count(*) AS n, extract(epoch FROM min(${from})) * 1000 AS first_at,
           extract(epoch FROM max(${to})) * 1000 AS last_at FROM ${this.schema}.payments WHERE ${where}`,
      );
      return { n: Number(rows[0].n), firstAt: Number(rows[0].first_at), lastAt: Number(rows[0].last_at) };
    } catch {
      return { n: 0, firstAt: NaN, lastAt: NaN }; // not migrated yet
    }
  }

  async states(): Promise<Map<string, { reference: string; state: string }>> {
    const { rows } = await this.client.query<{ request_id: string; reference: string; state: string }>(
      `SELECT request_id, reference, state FROM ${this.schema}.payments`,
    );
    return new Map(rows.map((row) => [row.request_id, { reference: row.reference, state: row.state }]));
  }

  async dropSchema(): Promise<void> {
    await this.client.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
    await this.client.end();
  }
}

async function main(): Promise<void> {
  const brokers = ensureBroker();
  const id = randomBytes(3).toString('hex');
  const prefix = `bench${id}.`;
  const topics = new Topics(prefix);
  const kafka = new KafkaConnection(
    readConfig(kafkaConfigSpec, { KAFKA_BROKERS: brokers, KAFKA_PARTITIONS: '6', LOG_LEVEL: 'error' }),
  );
  await kafka.ensureTopics([...topics.paymentRequestTopics([SYSTEM]), topics.paymentSpec]);
  const requests = paymentRequests(REQUESTS);
  const repeated = requests.filter((_, index) => index % Math.round(1 / REPEATED_SHARE) === 0);

  const schema = `bench_${id}`;
  const ledger = await new PaymentsProbe(schema).connect();
  const platformUrl = `http://127.0.0.1:${SANDBOX_PORT}`;
  const sandbox = startChild('payment-sandbox', 'apps/sandbox-payment/src/main.js', {
    PAYMENT_SANDBOX_PORT: String(SANDBOX_PORT),
    PAYMENT_SANDBOX_AUTO_SETTLE: 'false',
    PAYMENT_SANDBOX_CALLBACK_URL: `http://127.0.0.1:${CALLBACK_PORT}/payment/callback`,
    PAYMENT_SANDBOX_CALLBACK_TIMEOUT_MS: '60000',
  });
  const endpoint = `${platformUrl}/api/payment`;
  const connector = startChild('payment-connector', 'apps/connector-payment/src/main.js', {
    KAFKA_BROKERS: brokers,
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_PARTITIONS: '6',
    DATABASE_SCHEMA: schema,
    PAYMENT_INIT_URL: endpoint,
    PAYMENT_QUERY_URL: endpoint,
    PAYMENT_BILL_URL: endpoint,
    PAYMENT_CALLBACK_PORT: String(CALLBACK_PORT),
    PAYMENT_RECONCILE_EVERY_S: '0',
  });
  const alive = () => {
    for (const [name, child] of [
      ['payment-connector', connector],
      ['payment-sandbox', sandbox],
    ] as const) {
      if (child.exitCode !== null) throw new Error(`the ${name} exited; see .lienthong/bench-${name}.log`);
    }
  };
  try {
    const producer = benchKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const messages = [...requests, ...repeated].map((request) => ({
      key: request.dossierCode,
      value: JSON.stringify(request),
    }));
    for (let start = 0; start < messages.length; start += 1000) {
      await producer.send({
        topic: topics.paymentRequests(SYSTEM),
        messages: messages.slice(start, start + 1000),
      });
    }
    await producer.disconnect();
    log(
      `${requests.length} payment requests (${repeated.length} of them twice) on ${topics.paymentRequests(SYSTEM)}`,
    );

    const created = await counted(
      'requests initiated at the platform',
      () => ledger.count('payment_url IS NOT NULL'),
      REQUESTS,
      alive,
    );
    log(`initiated ${created.n} in ${Math.round(created.lastAt - created.firstAt)} ms`);
    const initsPerS = REQUESTS / ((created.lastAt - created.firstAt) / 1000);

    const cpuBefore = { connector: cpuMs(connector.pid!), sandbox: cpuMs(sandbox.pid!) };
    const { data: burst } = await axios.post<{ settled: number }>(`${platformUrl}/_sandbox/settle-pending`);
    log(`the platform settled ${burst.settled} payments at once; their callbacks follow`);
    const settled = await counted(
      'callbacks applied to the ledger',
      () => ledger.count(`state IN ('paid', 'failed')`, 'settled_at', 'settled_at'),
      burst.settled,
      alive,
    );
    // From the first result applied to the last: the rate the connector takes a burst at.
    const callbacksPerS = settled.n / ((settled.lastAt - settled.firstAt) / 1000);
    const perCallback = (process: 'connector' | 'sandbox', pid: number) =>
      ((cpuMs(pid) - cpuBefore[process]) / settled.n).toFixed(2);
    log(
      `CPU per callback: connector ${perCallback('connector', connector.pid!)} ms, platform sandbox ${perCallback('sandbox', sandbox.pid!)} ms (the machine's load average: ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]})`,
    );

    const held = (await axios.get<HeldTransaction[]>(`${platformUrl}/_sandbox/transactions`)).data;
    const stats = (await axios.get<PaymentSandboxCounts>(`${platformUrl}/_sandbox/stats`)).data;
    const platform = new Map(held.map((transaction) => [transaction.reference, transaction.state]));
    const states = await ledger.states();
    const lost = requests.filter(({ requestId }) => {
      const payment = states.get(requestId);
      return !payment || platform.get(payment.reference) !== payment.state;
    }).length;
    const events = new Map<string, number>();
    await kafka.readToEnd(topics.payment, topics.group(`bench-reader-${id}`), (record) => {
      const event = JSON.parse(String(record.value)) as PaymentEvent;
      // A paid payment's receipt update (a second `paid` carrying receiptUrl) is an event of its own.
      const key = `${event.requestId} ${event.state}${event.receiptUrl ? ' receipt' : ''}`;
      events.set(key, (events.get(key) ?? 0) + 1);
    });
    const duplicateEvents = [...events.values()].reduce((sum, n) => sum + n - 1, 0);
    const duplicates = held.length - states.size + stats.duplicatesRefused + duplicateEvents;
    log(
      `platform: ${JSON.stringify({ transactions: held.length, inits: stats.inits, repeats: stats.repeatsAnswered, callbacks: stats.callbacks })}; payment.v1 events: ${[...events.values()].reduce((a, b) => a + b, 0)}`,
    );
    console.log(
      JSON.stringify({
        requests: REQUESTS,
        inits_per_s: Math.round(initsPerS),
        callbacks_per_s: Math.round(callbacksPerS),
        settled: settled.n,
        lost,
        duplicates,
      }),
    );
  } finally {
    await stopChild(connector);
    await stopChild(sandbox);
    await kafka.close();
    await ledger.dropSchema();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:payments] failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
