import { randomBytes } from 'node:crypto';
import { readConfig } from '@lienthong/config';
import { HubHeader, KafkaConnection, kafkaConfigSpec, Topics } from '@lienthong/kafka';
import { mixedEvents } from '@lienthong/simulator';
import { Partitioners } from 'kafkajs';
import { eventually } from '../support/wait';
import { testKafka } from '../support/kafka-client';
import { exited, startHubProcess } from '../support/hub-process';

jest.setTimeout(300_000);

const EVENTS = 20_000;
const SOURCES = ['motcua', 'hotich', 'gtvt'];

/**
 * Every message of a topic (those `which` takes), read committed, by source event id: the distinct
 * offsets each id was written at. A reader of a busy machine may be rebalanced and read an offset
 * again; that is the reader's repeat, not the hub's, so a copy counts only when the topic holds the id
 * at two offsets.
 */
async function collect(topic: string, which: (headers: Record<string, string>) => boolean = () => true) {
  const seen = new Map<string, Set<string>>();
  const consumer = testKafka().consumer({
    groupId: `crash-reader-${randomBytes(4).toString('hex')}`,
    readUncommitted: false,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const headers = Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
      );
      if (!which(headers)) return;
      const id =
        JSON.parse(message.value!.toString()).provenance?.sourceEventId ?? `unreadable@${message.offset}`;
      const offsets = seen.get(id) ?? new Set<string>();
      offsets.add(`${partition}/${message.offset}`);
      seen.set(id, offsets);
    },
  });
  const copies = () => [...seen.values()].map((offsets) => offsets.size);
  return {
    seen,
    copies,
    total: () => copies().reduce((sum, count) => sum + count, 0),
    stop: () => consumer.disconnect(),
  };
}

describe('the hub killed with SIGKILL in the middle of a stream', () => {
  const id = randomBytes(4).toString('hex');
  const topics = new Topics(`crash${id}.`);
  const env = {
    ...process.env,
    KAFKA_TOPIC_PREFIX: `crash${id}.`,
    KAFKA_PARTITIONS: '6',
    HUB_INSTANCE_ID: 'crash-test',
    HUB_HTTP_PORT: '0',
    LOG_LEVEL: 'error',
  };

  it('neither loses nor duplicates a routed event after the restart', async () => {
    const connection = new KafkaConnection(readConfig(kafkaConfigSpec, env));
    await connection.ensureTopics(topics.hubTopics(SOURCES, ['national-portal']));
    await connection.close();
    const events = [...mixedEvents(EVENTS, (system) => topics.source(system))];
    const routed = await collect(topics.dossier, (headers) =>
      (headers[HubHeader.Routes] ?? '').split(',').includes('national-portal'),
    );
    const canonical = await collect(topics.dossier);
    const deadLetters = await collect(topics.deadLetter('hub'));

    let hub = startHubProcess(env);
    const producer = testKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const publishing = (async () => {
      for (let start = 0; start < events.length; start += 500) {
        const slice = events.slice(start, start + 500);
        await producer.sendBatch({
          topicMessages: SOURCES.map((system) => ({
            topic: topics.source(system),
            messages: slice
              .filter((event) => event.topic === topics.source(system))
              .map(({ key, value }) => ({ key, value })),
          })),
        });
      }
      await producer.disconnect();
    })();
    await eventually(
      async () => routed.total(),
      (count) => count >= EVENTS * 0.3,
      120_000,
    );
    hub.kill('SIGKILL');
    await exited(hub);
    const routedAtKill = routed.total();
    hub = startHubProcess(env);
    await publishing;

    await eventually(
      async () => routed.total(),
      (count) => count >= EVENTS,
      240_000,
    );
    // Time for anything that would be a duplicate to show up.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    hub.kill('SIGTERM');
    await exited(hub);
    await Promise.all([routed.stop(), canonical.stop(), deadLetters.stop()]);

    // Killed in the middle of the stream, not before it or after it.
    expect(routedAtKill).toBeGreaterThanOrEqual(EVENTS * 0.3);
    expect(routedAtKill).toBeLessThan(EVENTS);
    const expectedIds = events.map((event) => event.eventId).sort();
    expect([...routed.seen.keys()].sort()).toEqual(expectedIds);
    expect(routed.copies().filter((count) => count !== 1)).toEqual([]);
    expect([...canonical.seen.keys()].sort()).toEqual(expectedIds);
    expect(canonical.copies().filter((count) => count !== 1)).toEqual([]);
    expect(deadLetters.total()).toBe(0);
  });
});
