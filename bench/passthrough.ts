import { Kafka, logLevel, Partitioners } from 'kafkajs';

/**
 * The ceiling the hub is measured against: a plain kafkajs consume → produce of the same events, with
 * no parsing, validation, state or transactions. Topics from PASSTHROUGH_INPUTS to PASSTHROUGH_OUTPUT.
 */
async function main(): Promise<void> {
  const kafka = new Kafka({
    clientId: 'passthrough',
    brokers: process.env.KAFKA_BROKERS!.split(','),
    logLevel: logLevel.ERROR,
  });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({
    groupId: process.env.PASSTHROUGH_GROUP ?? `passthrough-${Date.now()}`,
    maxBytesPerPartition: 4 << 20,
  });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: process.env.PASSTHROUGH_INPUTS!.split(','), fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch }) => {
      // Slices stay under the broker's 1 MB record-batch limit, as the hub's sends do.
      for (let start = 0; start < batch.messages.length; start += 250) {
        await producer.send({
          topic: process.env.PASSTHROUGH_OUTPUT!,
          messages: batch.messages.slice(start, start + 250).map(({ key, value }) => ({ key, value })),
          acks: -1,
        });
      }
    },
  });
  const stop = async () => {
    await consumer.disconnect();
    await producer.disconnect();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
