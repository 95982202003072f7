import { deadLetter, StatusPackageHeader, type KafkaConnection, type Topics } from '@lienthong/kafka';
import type { Producer } from 'kafkajs';
import type { InboxEntry } from './exchange.contract';

/** Why a status package was set aside; the code travels in the dead-letter headers (docs/dead-letter-reasons.md). */
export const StatusDeadLetterReason = {
  TooLarge: 'DOCUMENTS_STATUS_TOO_LARGE',
  Unreadable: 'DOCUMENTS_STATUS_UNREADABLE',
  Unstorable: 'DOCUMENTS_STATUS_UNSTORABLE',
} as const;

export type StatusDeadLetterReason = (typeof StatusDeadLetterReason)[keyof typeof StatusDeadLetterReason];

/** Where a status package was read from, in a dead letter's source headers (no Kafka partition or offset). */
const STATUS_INBOX = 'documents.status-inbox';

/**
 * Writes a status package the poller cannot take in to the documents connector's dead-letter topic,
 * the raw package as the value and the reason in the headers, so an operator sees it in the console
 * while the poller moves on to the next package.
 */
export class StatusDeadLetters {
  private producer?: Promise<Producer>;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly topics: Topics,
  ) {}

  async write(
    entry: InboxEntry,
    xml: string,
    key: string,
    cause: { reason: StatusDeadLetterReason; message: string },
  ): Promise<void> {
    const record = deadLetter(
      this.topics.deadLetter('documents'),
      'documents',
      {
        topic: STATUS_INBOX,
        partition: -1,
        offset: '-1',
        key: Buffer.from(key),
        value: Buffer.from(xml),
        headers: {
          [StatusPackageHeader.MessageId]: entry.id,
          [StatusPackageHeader.DocumentId]: entry.documentId,
        },
        timestamp: String(Date.now()),
      },
      cause,
    );
    await this.kafka.send(await this.connectedProducer(), [record]);
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= this.kafka.producer().catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    return this.producer;
  }
}
