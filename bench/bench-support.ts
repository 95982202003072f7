import { KafkaConsumer, type Message } from 'node-rdkafka';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { SingleBar, Presets } from 'cli-progress';
import type { GeneratedEvent } from '@lienthong/simulator';

/** Benchmarks run on the real broker: KAFKA_BROKERS, or the project's own broker started here. */
export function ensureBroker(): string {
  if (process.env.KAFKA_BROKERS) return process.env.KAFKA_BROKERS;
  execFileSync('bash', [projectPath('scripts', 'kafka.sh'), 'start'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return (process.env.KAFKA_BROKERS = '127.0.0.1:9092');
}

export function benchKafka(): Kafka {
  return new Kafka({
    clientId: 'lienthong-bench',
    brokers: ensureBroker().split(','),
    logLevel: logLevel.ERROR,
  });
}

/** Publishes events in large batches, with a progress bar on stderr. */
export async function publishAll(
  kafka: Kafka,
  events: Iterable<GeneratedEvent>,
  total: number,
  label: string,
): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const bar = new SingleBar(
    { format: `${label} [{bar}] {value}/{total} events`, stream: process.stderr },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  let batch: GeneratedEvent[] = [];
  const flush = async () => {
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (const { topic, key, value } of batch)
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), { key, value }]);
    await producer.sendBatch({
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      acks: 1,
    });
    bar.increment(batch.length);
    batch = [];
  };
  for (const event of events) {
    batch.push(event);
    if (batch.length >= 2000) await flush();
  }
  if (batch.length) await flush();
  bar.stop();
  await producer.disconnect();
}

/** The hub's memory flags as deployed (deploy/k8s/base/hub.yaml, docker-compose.yml): benchmarked as run. */
export const HUB_MEMORY = { NODE_OPTIONS: '--max-semi-space-size=4', MALLOC_ARENA_MAX: '2' };

/**
 * Starts a built app (dist/) as a child process, so its memory is measured apart from the benchmark's.
 * Its logs go to .lienthong/bench-<name>.log.
 */
export function startChild(
  name: string,
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): ChildProcess {
  mkdirSync(projectPath('.lienthong'), { recursive: true });
  const logFile = openSync(projectPath('.lienthong', `bench-${name}.log`), 'w');
  const child = spawn(process.execPath, [...nodeArgs, projectPath('dist', script)], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', logFile, logFile],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Children still running when a benchmark ends (a timeout, an error) must not outlive it. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Peak resident memory of a process, in MB (Linux). */
export function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

export interface Arrivals {
  firstAt?: number;
  lastAt?: number;
  count: number;
  /** When the count reached each mark (a tenth of the expected count, by default), in order. */
  marks: number[];
  /** Arrival time of each event, by source event id (only when asked to). */
  byEventId: Map<string, number>;
}

/**
 * Throughput over the last tenth of a run against the first tenth (1 = flat): what a year's growth of
 * state does to speed. Needs the marks of a run watched with `markEvery` a tenth of its count.
 */
export function tailRatio({ firstAt, marks }: Arrivals): number {
  if (firstAt === undefined || marks.length < 10) return NaN;
  return (marks[0] - firstAt) / (marks[9] - marks[8]);
}

/** Connects a librdkafka consumer and subscribes it; a consume call waits `waitMs` for each record. */
export async function subscribed(consumer: KafkaConsumer, topics: string[], waitMs: number) {
  await new Promise((resolve, reject) =>
    consumer.connect({}, (error) => (error ? reject(error) : resolve(0))),
  );
  consumer.subscribe(topics);
  consumer.setDefaultConsumeTimeout(waitMs);
}

/** Up to `max` records from a librdkafka consumer. */
export function nextBatch(consumer: KafkaConsumer, max: number): Promise<Message[]> {
  return new Promise((resolve, reject) =>
    consumer.consume(max, (error, batch) => (error ? reject(error) : resolve(batch))),
  );
}

/** One header of a librdkafka message, as text. */
export function headerOf(message: Message, name: string): string | undefined {
  for (const header of message.headers ?? []) if (name in header) return String(header[name]);
  return undefined;
}

/**
 * Counts messages arriving on a topic (read_committed), those `counts` takes; optionally notes each
 * one's source event id. On librdkafka, which decodes in its own threads: the reader takes as little as
 * it can of the cores it shares with what it measures.
 */
export async function watchTopic(
  brokers: string,
  topic: string,
  noteIds: () => boolean,
  markEvery = Number.MAX_SAFE_INTEGER,
  counts: (message: Message) => boolean = () => true,
) {
  const arrivals: Arrivals = { count: 0, marks: [], byEventId: new Map() };
  const consumer = new KafkaConsumer(
    {
      'metadata.broker.list': brokers,
      'group.id': `bench-watch-${topic}-${Date.now()}`,
      'isolation.level': 'read_committed',
      'enable.auto.commit': false,
      'enable.partition.eof': true,
    },
    { 'auto.offset.reset': 'earliest' },
  );
  await subscribed(consumer, [topic], 50);
  let running = true;
  const reading = (async () => {
    while (running) {
      const messages = (await nextBatch(consumer, 10_000)).filter(counts);
      if (messages.length === 0) continue;
      const now = Date.now();
      arrivals.firstAt ??= now;
      arrivals.lastAt = now;
      arrivals.count += messages.length;
      while (arrivals.count >= (arrivals.marks.length + 1) * markEvery) arrivals.marks.push(now);
      if (noteIds()) {
        for (const message of messages) {
          const id = JSON.parse(message.value!.toString()).provenance?.sourceEventId;
          if (id) arrivals.byEventId.set(id, now);
        }
      }
    }
  })();
  const stop = async () => {
    running = false;
    await reading;
    await new Promise((resolve) => consumer.disconnect(resolve));
  };
  return { arrivals, stop };
}

/** Waits for a condition, telling on stderr every few seconds how far it got. */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
  progress?: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let nextReport = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${progress ? ` (${progress()})` : ''}`);
    if (progress && Date.now() > nextReport) {
      process.stderr.write(`  ${what}: ${progress()}\n`);
      nextReport += 5000;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** Sends events at a steady rate, a tick every 100 ms, telling `onSent` when each one left. */
export async function publishPaced(
  kafka: Kafka,
  events: Iterator<GeneratedEvent>,
  rate: number,
  onSent: (event: GeneratedEvent, at: number) => void,
): Promise<void> {
  const tickMs = 100;
  const perTick = Math.max(1, Math.round((rate * tickMs) / 1000));
  const producer = kafka.producer();
  await producer.connect();
  for (;;) {
    const started = Date.now();
    const batch: GeneratedEvent[] = [];
    while (batch.length < perTick) {
      const next = events.next();
      if (next.done) break;
      batch.push(next.value);
    }
    if (batch.length === 0) break;
    for (const event of batch) onSent(event, Date.now());
    await producer.sendBatch({
      topicMessages: batch.map(({ topic, key, value }) => ({ topic, messages: [{ key, value }] })),
      acks: 1,
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, tickMs - (Date.now() - started))));
  }
  await producer.disconnect();
}
