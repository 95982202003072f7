import type { ManagedService } from '@lienthong/bootstrap';
import { PermanentError } from '@lienthong/connector-runtime';
import { isRetriable } from '@lienthong/errors';
import {
  AtLeastOnceConsumer,
  deadLetter,
  type IncomingRecord,
  type KafkaConnection,
  type Topics,
} from '@lienthong/kafka';
import { Counter, createLogger, metricsRegistry } from '@lienthong/observability';
import { ExponentialBackoff, handleWhen, retry, type IBackoffFactory, type IRetryContext } from 'cockatiel';
import type { Producer } from 'kafkajs';
import type { PaymentService } from '../payment-service';
import { readPaymentRequest } from '../payment-request';

const STAGE = 'payment';

const intake = new Counter({
  name: 'lienthong_payment_requests_total',
  help: 'Payment requests read from src.<system>.payment-requests, by outcome (initiated: recorded and INIT done or repeated; dead-lettered)',
  labelNames: ['outcome'],
  registers: [metricsRegistry],
});

export interface PaymentIntakeOptions {
  kafka: KafkaConnection;
  topics: Topics;
  /** The sector systems whose payment requests are read (PAYMENT_SOURCE_SYSTEMS). */
  systems: string[];
  service: PaymentService;
  /** Called after each batch: the changes it made are in the outbox, to be published now. */
  afterBatch: () => Promise<void>;
  /** Back-off between attempts of a request that failed retriably (tests shorten it). */
  backoff?: IBackoffFactory<IRetryContext>;
}

/**
 * Reads payment requests and starts their payments, in offset order per partition. A request that can
 * never be taken (not JSON, refused by readPaymentRequest, or a PermanentError of INIT) goes to
 * dlq.payment.v1 with its reason, and the offset moves on; any other failure (the platform or the
 * database unavailable) is tried again in place with back-off, its offset not committed: never lost.
 */
export class PaymentIntake implements ManagedService {
  private readonly logger = createLogger('payment-intake');
  private readonly consumer: AtLeastOnceConsumer;
  private readonly stopping = new AbortController();
  private readonly policy;
  private producer?: Producer;

  constructor(private readonly options: PaymentIntakeOptions) {
    const { kafka, topics, systems } = options;
    this.policy = retry(handleWhen(isRetriable), {
      maxAttempts: Number.MAX_SAFE_INTEGER,
      backoff: options.backoff ?? new ExponentialBackoff({ initialDelay: 200, maxDelay: 30_000 }),
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
    try {
      for (const record of records) await this.take(record, heartbeat);
    } finally {
      await this.options.afterBatch();
    }
  }

  private async take(record: IncomingRecord, heartbeat: () => Promise<void>): Promise<void> {
    const where = { topic: record.topic, partition: record.partition, offset: record.offset };
    let request;
    try {
      request = readPaymentRequest(JSON.parse(record.value?.toString('utf8') ?? ''));
    } catch (error) {
      return this.deadLetter(record, error);
    }
    const dossierCode = request.dossierCode;
    try {
      await this.policy.execute(async ({ attempt }) => {
        if (attempt > 0) {
          this.logger.warn({ ...where, dossierCode, attempt }, 'payment request tried again');
          await heartbeat();
        }
        return this.options.service.initiate(request);
      }, this.stopping.signal);
      intake.inc({ outcome: 'initiated' });
    } catch (error) {
      if (error instanceof PermanentError) return this.deadLetter(record, error);
      throw error;
    }
  }

  private async deadLetter(record: IncomingRecord, error: unknown): Promise<void> {
    // Only a request that can never be taken is dead-lettered (JSON.parse throws a SyntaxError).
    if (!(error instanceof PermanentError) && !(error instanceof SyntaxError)) throw error;
    const reason = error instanceof PermanentError ? error.code : 'PAYMENT_REQUEST_NOT_JSON';
    if (!this.producer) throw new Error('the payment intake is not started');
    const { topics, kafka } = this.options;
    await kafka.send(this.producer, [
      deadLetter(topics.deadLetter(STAGE), STAGE, record, { reason, message: error.message }),
    ]);
    intake.inc({ outcome: 'dead-lettered' });
    this.logger.warn(
      { topic: record.topic, partition: record.partition, offset: record.offset, reason },
      'payment request dead-lettered',
    );
  }
}
