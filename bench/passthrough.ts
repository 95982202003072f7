import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { KafkaConsumer, Producer } from 'node-rdkafka';
import { nextBatch, subscribed } from './bench-support';

/**
 * The ceiling the hub is measured against: a plain consume → produce of the same events, with no
 * parsing, validation, state or transactions, from PASSTHROUGH_INPUTS to PASSTHROUGH_OUTPUT.
 * PASSTHROUGH_CLIENT: `kafkajs` (the hub's client) or `librdkafka` (librdkafka through node-rdkafka, the
 * candidate: gzip, acks=all, idempotent, batches of up to 5,000, no transactions).
 */
const brokers = process.env.KAFKA_BROKERS!;
const groupId = process.env.PASSTHROUGH_GROUP ?? `passthrough-${Date.now()}`;
const inputs = process.env.PASSTHROUGH_INPUTS!.split(',');
const output = process.env.PASSTHROUGH_OUTPUT!;
/** librdkafka's ERR__QUEUE_FULL. */
const QUEUE_FULL = -184;

async function librdkafka(): Promise<() => Promise<void>> {
  const producer = new Producer(
    {
      'metadata.broker.list': brokers,
      'enable.idempotence': true,
      'compression.codec': 'gzip',
      'linger.ms': 5,
      'batch.num.messages': 10_000,
      'queue.buffering.max.messages': 1_000_000,
      'queue.buffering.max.kbytes': 262_144,
    },
    { partitioner: 'murmur2_random' },
  );
  const consumer = new KafkaConsumer(
    {
      'metadata.broker.list': brokers,
      'group.id': groupId,
      'enable.auto.commit': true,
      'enable.partition.eof': true,
      'queued.min.messages': 20_000,
      'queued.max.messages.kbytes': 16_384,
    },
    { 'auto.offset.reset': 'earliest' },
  );
  await new Promise((resolve, reject) =>
    producer.connect({}, (error) => (error ? reject(error) : resolve(0))),
  );
  producer.setPollInterval(100);
  await subscribed(consumer, inputs, 100);
  let running = true;
  const loop = (async () => {
    while (running) {
      const messages = await nextBatch(consumer, 5_000);
      for (const { key, value, headers } of messages) {
        for (;;) {
          try {
            producer.produce(output, null, value, key, null, undefined, headers);
            break;
          } catch (error) {
            // Only a full local queue is waited out; anything else stops the passthrough.
            if ((error as { code?: number }).code !== QUEUE_FULL) throw error;
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        }
      }
    }
  })();
  return async () => {
    running = false;
    await loop;
    await new Promise((resolve) => producer.flush(10_000, resolve));
    await new Promise((resolve) => consumer.disconnect(resolve));
    await new Promise((resolve) => producer.disconnect(resolve));
  };
}

async function kafkajs(): Promise<() => Promise<void>> {
  const kafka = new Kafka({ clientId: 'passthrough', brokers: brokers.split(','), logLevel: logLevel.ERROR });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId, maxBytesPerPartition: 4 << 20 });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: inputs, fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch }) => {
      // Slices stay under the broker's 1 MB record-batch limit, as the hub's sends do.
      for (let start = 0; start < batch.messages.length; start += 250) {
        await producer.send({
          topic: output,
          messages: batch.messages.slice(start, start + 250).map(({ key, value }) => ({ key, value })),
          acks: -1,
        });
      }
    },
  });
  return async () => {
    await consumer.disconnect();
    await producer.disconnect();
  };
}

async function main(): Promise<void> {
  const stop = await (process.env.PASSTHROUGH_CLIENT === 'librdkafka' ? librdkafka() : kafkajs());
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
