import {
  AtLeastOnceConsumer,
  type IncomingRecord,
  type KafkaConnection,
  type Topics,
  type TopicSpec,
} from '@lienthong/kafka';
import type { Connector, FollowedFacts } from '../connector';
import type { ConnectorRuntimeConfig } from '../connector-runtime.config';

export type HandleBatch = (records: IncomingRecord[], heartbeat: () => Promise<void>) => Promise<void>;

/** What the connector's consumers hand their batches to. */
export interface BatchHandlers {
  /** Batches of the connector's inputs (its intake's topics). */
  route: HandleBatch;
  /** Every retry level's batches. */
  retry: HandleBatch;
  /** Batches of the connector's followed facts (any of its followed topics), when it follows any. */
  follow: (follows: readonly FollowedFacts[]) => HandleBatch;
}

/**
 * The connector's consumers, their topics created: its inputs (dossier.v1 and its route unless its intake reads other
 * topics), one per retry level (an event waiting its 30 minutes must not hold up one due in 30 s), and
 * one for the followed facts' topics if any.
 */
export async function connectorConsumers(
  kafka: KafkaConnection,
  topics: Topics,
  connector: Pick<Connector<unknown>, 'name' | 'follows'>,
  inputs: TopicSpec[],
  config: ConnectorRuntimeConfig,
  handlers: BatchHandlers,
): Promise<AtLeastOnceConsumer[]> {
  const name = connector.name;
  const retryTopics = config.CONNECTOR_RETRY_DELAYS_S.map((_, index) => topics.retry(name, index + 1));
  await kafka.ensureTopics(topics.connectorTopics(name, retryTopics.length, inputs));
  const group = topics.connectorGroup(name);
  const partitionsConsumedConcurrently = config.CONNECTOR_PARTITIONS_AT_ONCE;
  const consumers = [
    new AtLeastOnceConsumer(kafka, {
      groupId: group,
      topics: inputs.map((input) => input.name),
      partitionsConsumedConcurrently,
      handleBatch: handlers.route,
    }),
    ...retryTopics.map(
      (topic, index) =>
        new AtLeastOnceConsumer(kafka, {
          groupId: topics.retryGroup(name, index + 1),
          topics: [topic],
          partitionsConsumedConcurrently,
          handleBatch: handlers.retry,
        }),
    ),
  ];
  const follows = connector.follows ?? [];
  if (follows.length > 0) {
    const followed = follows.map(({ topic }) => topic);
    await kafka.ensureTopics(followed.map((name) => ({ name })));
    consumers.push(
      new AtLeastOnceConsumer(kafka, {
        groupId: `${group}.follow`,
        topics: followed,
        handleBatch: handlers.follow(follows),
      }),
    );
  }
  return consumers;
}
