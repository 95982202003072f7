import type { Database } from '@lienthong/database';
import {
  AtLeastOnceConsumer,
  deadLetter,
  type IncomingRecord,
  type KafkaConnection,
  type OutgoingRecord,
  type Topics,
} from '@lienthong/kafka';
import { Counter, createLogger, Histogram, metricsRegistry, type Logger } from '@lienthong/observability';
import { SchemaValidator, type DossierEvent } from '@lienthong/schemas';
import { ExponentialBackoff, handleType, retry, type RetryPolicy } from 'cockatiel';
import type { Producer } from 'kafkajs';
import type { Connector } from './connector';
import type { ConnectorRuntimeConfig } from './connector-runtime.config';
import { DeliveryLedger, type LedgerEntry } from './delivery-ledger';
import { PermanentError, RetriableError } from './errors';

const delivered = new Counter({
  name: 'lienthong_connector_delivered_total',
  help: 'Dossier events delivered to the target',
  labelNames: ['connector'],
  registers: [metricsRegistry],
});
const failed = new Counter({
  name: 'lienthong_connector_failed_total',
  help: 'Delivery failures by class (retriable failures are counted per attempt)',
  labelNames: ['connector', 'class', 'code'],
  registers: [metricsRegistry],
});
const skipped = new Counter({
  name: 'lienthong_connector_skipped_total',
  help: 'Events not delivered because they were already delivered or older than what the target holds',
  labelNames: ['connector', 'why'],
  registers: [metricsRegistry],
});
const deliverySeconds = new Histogram({
  name: 'lienthong_connector_delivery_seconds',
  help: 'Time to deliver one dossier event, retries included',
  labelNames: ['connector'],
  registers: [metricsRegistry],
});

const dossierSchema = new SchemaValidator<DossierEvent>('dossier.v1.json');

/**
 * Runs one connector: consumes its route topic, keeps each dossier's events in order while delivering
 * different dossiers in parallel, retries transient failures with backoff, dead-letters permanent ones,
 * and records every outcome in the delivery ledger so a redelivery never reaches the target twice.
 */
export class ConnectorRuntime {
  private readonly logger: Logger;
  private readonly ledger: DeliveryLedger;
  private readonly retryPolicy: RetryPolicy;
  private consumer?: AtLeastOnceConsumer;
  private producer?: Producer;

  constructor(
    private readonly connector: Connector,
    private readonly kafka: KafkaConnection,
    private readonly topics: Topics,
    database: Database,
    private readonly config: ConnectorRuntimeConfig,
  ) {
    this.logger = createLogger('connector', { connector: connector.name });
    this.ledger = new DeliveryLedger(database, connector.name);
    this.retryPolicy = retry(handleType(RetriableError), {
      maxAttempts: config.CONNECTOR_MAX_ATTEMPTS,
      backoff: new ExponentialBackoff({
        initialDelay: config.CONNECTOR_BACKOFF_INITIAL_MS,
        maxDelay: config.CONNECTOR_BACKOFF_MAX_MS,
      }),
    });
    this.retryPolicy.onRetry(({ delay, ...result }) => {
      const error = 'error' in result ? result.error : undefined;
      failed.inc({
        connector: connector.name,
        class: 'retriable',
        code: (error as RetriableError)?.code ?? 'unknown',
      });
      this.logger.warn({ err: error, retryInMs: Math.round(delay) }, 'delivery failed; retrying');
    });
  }

  async start(): Promise<void> {
    await this.kafka.ensureTopics(this.topics.connectorTopics(this.connector.name));
    this.producer = await this.kafka.producer();
    this.consumer = new AtLeastOnceConsumer(this.kafka, {
      groupId: this.topics.group(`lienthong.connector.${this.connector.name}`),
      topics: [this.topics.route(this.connector.name)],
      handleBatch: (records) => this.handleBatch(records),
    });
    await this.consumer.start();
    this.logger.info({ topic: this.topics.route(this.connector.name) }, 'connector started');
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
  }

  private async handleBatch(records: IncomingRecord[]): Promise<void> {
    const byDossier = new Map<string, IncomingRecord[]>();
    const deadLetters: OutgoingRecord[] = [];
    for (const record of records) {
      const key = record.key?.toString() ?? '';
      let queue = byDossier.get(key);
      if (!queue) byDossier.set(key, (queue = []));
      queue.push(record);
    }
    const queues = [...byDossier.values()];
    const workers = Array.from(
      { length: Math.min(this.config.CONNECTOR_CONCURRENCY, queues.length) },
      async () => {
        for (let queue = queues.shift(); queue; queue = queues.shift()) {
          for (const record of queue) {
            const deadLetterRecord = await this.handleRecord(record);
            if (deadLetterRecord) deadLetters.push(deadLetterRecord);
          }
        }
      },
    );
    await Promise.all(workers);
    if (deadLetters.length > 0) await this.kafka.send(this.producer!, deadLetters);
  }

  /** Delivers one record; returns its dead letter when it must not be retried. */
  private async handleRecord(record: IncomingRecord): Promise<OutgoingRecord | undefined> {
    const where = { topic: record.topic, partition: record.partition, offset: record.offset };
    const dossier = parseDossier(record.value);
    if (!dossier) {
      return this.deadLetter(record, new PermanentError('INVALID_DOSSIER_EVENT', 'not a dossier.v1 event'));
    }
    const logger = this.logger.child({
      ...where,
      dossierCode: dossier.dossierCode,
      eventId: dossier.provenance.sourceEventId,
    });
    const entry: LedgerEntry = {
      sourceEventId: dossier.provenance.sourceEventId,
      dossierCode: dossier.dossierCode,
      sequence: dossier.provenance.sequence,
      status: dossier.status,
      attempts: 0,
    };
    if (await this.ledger.alreadyHandled(entry.sourceEventId)) {
      skipped.inc({ connector: this.connector.name, why: 'duplicate' });
      return undefined;
    }
    const previous = await this.ledger.targetState(dossier.dossierCode);
    if (previous && entry.sequence <= previous.lastSequence) {
      skipped.inc({ connector: this.connector.name, why: 'stale' });
      await this.ledger.recordNotDelivered(entry, 'skipped_stale', { heldSequence: previous.lastSequence });
      return undefined;
    }
    const stopTimer = deliverySeconds.startTimer({ connector: this.connector.name });
    try {
      const result = await this.retryPolicy.execute(({ attempt }) => {
        entry.attempts = attempt + 1;
        return this.connector.deliver(dossier, previous);
      });
      if (result.publish?.length) await this.kafka.send(this.producer!, result.publish);
      await this.ledger.recordDelivered(entry, result);
      delivered.inc({ connector: this.connector.name });
      logger.debug({ attempts: entry.attempts }, 'delivered');
      return undefined;
    } catch (error) {
      if (!(error instanceof PermanentError)) throw error;
      logger.error({ err: error }, 'target refused the dossier event; dead-lettered');
      await this.ledger.recordNotDelivered(entry, 'failed', { code: error.code, message: error.message });
      return this.deadLetter(record, error);
    } finally {
      stopTimer();
    }
  }

  private deadLetter(record: IncomingRecord, error: PermanentError): OutgoingRecord {
    failed.inc({ connector: this.connector.name, class: 'permanent', code: error.code });
    return deadLetter(this.topics.deadLetter(this.connector.name), this.connector.name, record, {
      reason: error.code,
      message: error.message,
    });
  }
}

function parseDossier(value: Buffer | null): DossierEvent | undefined {
  try {
    const parsed: unknown = JSON.parse(value?.toString('utf8') ?? '');
    return dossierSchema.is(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
