import { HubHeader } from '@lienthong/kafka';
import { Kafka, logLevel, Partitioners, type IHeaders } from 'kafkajs';

/** An independent Kafka client, as a sector system or an outside checker would use. */
export function testKafka(): Kafka {
  return new Kafka({
    clientId: 'lienthong-test',
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    logLevel: logLevel.NOTHING,
  });
}

export async function publish(
  topic: string,
  messages: { key?: Buffer | string | null; value: Buffer | string; headers?: IHeaders }[],
) {
  const producer = testKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic, messages, acks: -1 });
  } finally {
    await producer.disconnect();
  }
}

export interface ReadMessage {
  key: string | null;
  value: Buffer;
  headers: Record<string, string>;
}

/** Whether the hub routed a dossier.v1 record to the connector (its routes header names it). */
export const routedTo =
  (connector: string) =>
  (message: ReadMessage): boolean =>
    (message.headers[HubHeader.Routes] ?? '').split(',').includes(connector);

/**
 * Reads a topic from the beginning with read_committed until `count` messages arrived (or `count`
 * says the messages so far are enough) or time ran out.
 */
export async function readTopic(
  topic: string,
  count: number | ((messages: ReadMessage[]) => boolean),
  timeoutMs = 30_000,
): Promise<ReadMessage[]> {
  const enough = typeof count === 'number' ? (read: ReadMessage[]) => read.length >= count : count;
  const consumer = testKafka().consumer({ groupId: `reader-${topic}-${Date.now()}`, readUncommitted: false });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
          messages.push({
            key: message.key?.toString() ?? null,
            value: message.value ?? Buffer.alloc(0),
            headers,
          });
          if (enough(messages)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** Whether the consumer group has committed past every record of the topic published so far. */
export async function consumedUpTo(groupId: string, topic: string): Promise<boolean> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return ends.every(({ partition, offset }) => {
      const at = committed.partitions.find((candidate) => candidate.partition === partition);
      return Number(offset) === 0 || Number(at?.offset ?? -1) >= Number(offset);
    });
  } finally {
    await admin.disconnect();
  }
}
