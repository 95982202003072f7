import type { ManagedService } from '@lienthong/bootstrap';
import { inParallel } from '@lienthong/connector-runtime';
import {
  AtLeastOnceConsumer,
  type IncomingRecord,
  type KafkaConnection,
  type Topics,
} from '@lienthong/kafka';
import { Counter, metricsRegistry } from '@lienthong/observability';
import type { IBackoffFactory, IRetryContext } from 'cockatiel';
import type { Producer } from 'kafkajs';
import type { PaymentService } from '../payment-service';
import { PAYMENT_STAGE, PaymentRequestHandler } from './payment-request-handler';

const intake = new Counter({
  name: 'lienthong_payment_requests_total',
  help: 'Payment requests read from src.<system>.payment-requests, by outcome (initiated: recorded and INIT made or repeated; dead-lettered)',
  labelNames: ['outcome'],
  registers: [metricsRegistry],
});

/**
 * Dossiers of one batch whose requests are handled at once. Each request waits on the platform (an INIT,
 * retried in place through its faults): one at a time per partition, a burst of requests would take
 * as long as the sum of their round trips.
 */
const DOSSIERS_AT_ONCE = 16;

export interface PaymentIntakeOptions {
  kafka: KafkaConnection;
  topics: Topics;
  /** The sector systems whose payment requests are read (PAYMENT_SOURCE_SYSTEMS). */
  systems: string[];
  service: PaymentService;
  /** Called after each batch: the changes it made are in the outbox, to be published now. */
  afterBatch: () => Promise<void>;
  backoff?: IBackoffFactory<IRetryContext>;
}

/**
 * Reads the sector systems' payment requests (at least once, offsets committed once the whole batch
 * is handled) and hands each to a PaymentRequestHandler: a dossier's requests in offset order, up to
 * DOSSIERS_AT_ONCE dossiers at once (a request is one payment by its requestId whatever the order).
 * Its dead letters go to dlq.payment.v1 before the offset moves on. Creates the payment topics
 * (Topics.paymentTopics).
 */
export class PaymentIntake implements ManagedService {
  private readonly consumer: AtLeastOnceConsumer;
  private readonly stopping = new AbortController();
  private readonly handler: PaymentRequestHandler;
  private producer?: Producer;

  constructor(private readonly options: PaymentIntakeOptions) {
    const { kafka, topics, systems, service, backoff } = options;
    this.handler = new PaymentRequestHandler({
      service,
      backoff,
      deadLetterTopic: topics.deadLetter(PAYMENT_STAGE),
      signal: this.stopping.signal,
    });
    this.consumer = new AtLeastOnceConsumer(kafka, {
      groupId: topics.group('lienthong.connector.payment.requests'),
      topics: systems.map((system) => topics.paymentRequests(system)),
      handleBatch: (records, heartbeat) => this.handleBatch(records, heartbeat),
    });
  }

  async start(): Promise<void> {
    const { kafka, topics, systems } = this.options;
    await kafka.ensureTopics(topics.paymentTopics(systems));
    this.producer = await kafka.producer();
    await this.consumer.start();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.consumer.stop();
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  private async handleBatch(records: IncomingRecord[], heartbeat: () => Promise<void>): Promise<void> {
    // The key names the dossier; a wrong one only changes which requests wait for each other.
    const byDossier = new Map<string, IncomingRecord[]>();
    for (const record of records) {
      const key = record.key?.toString('utf8') ?? '';
      byDossier.set(key, [...(byDossier.get(key) ?? []), record]);
    }
    try {
      await inParallel([...byDossier.values()], DOSSIERS_AT_ONCE, async (ofDossier) => {
        for (const record of ofDossier) await this.handle(record, heartbeat);
      });
    } finally {
      await this.options.afterBatch();
    }
  }

  private async handle(record: IncomingRecord, heartbeat: () => Promise<void>): Promise<void> {
    const dead = await this.handler.handle(record, heartbeat);
    if (dead) {
      if (!this.producer) throw new Error('the payment intake is not started');
      await this.options.kafka.send(this.producer, [dead]);
    }
    intake.inc({ outcome: dead ? 'dead-lettered' : 'initiated' });
  }
}
