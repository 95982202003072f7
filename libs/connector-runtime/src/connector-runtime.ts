import type { Database } from '@lienthong/database';
import {
  AtLeastOnceConsumer,
  deadLetter,
  type IncomingRecord,
  type KafkaConnection,
  type OutgoingRecord,
  type Topics,
} from '@lienthong/kafka';
import { createLogger, type Logger } from '@lienthong/observability';
import { SchemaValidator, type DossierEvent } from '@lienthong/schemas';
import type { Producer } from 'kafkajs';
import type { Connector } from './connector';
import type { ConnectorRuntimeConfig } from './connector-runtime.config';
import { delivered, deliverySeconds, failed, retries, skipped } from './connector-metrics';
import { DeliveryLedger, type LedgerEntry } from './delivery-ledger';
import { PermanentError, RetriableError } from './errors';
import { KeyedLock } from './keyed-lock';
import { park, retryDueAt, retryLevel } from './retry-parking';
import { TargetPolicy } from './target-policy';

const dossierSchema = new SchemaValidator<DossierEvent>('dossier.v1.json');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one connector: consumes its route topic, keeps each dossier's events in order while delivering
 * different dossiers in parallel, and records every outcome in the delivery ledger so a redelivery
 * never reaches the target twice. Transient failures are retried with backoff, then parked on retry
 * topics; permanent ones are dead-lettered; while the target is down consumption pauses.
 */
export class ConnectorRuntime {
  private readonly logger: Logger;
  private readonly ledger: DeliveryLedger;
  private readonly policy: TargetPolicy;
  private readonly dossierLock = new KeyedLock();
  private readonly consumers: AtLeastOnceConsumer[] = [];
  private producer?: Producer;
  private stopping = false;

  constructor(
    private readonly connector: Connector,
    private readonly kafka: KafkaConnection,
    private readonly topics: Topics,
    database: Database,
    private readonly config: ConnectorRuntimeConfig,
  ) {
    this.logger = createLogger('connector', { connector: connector.name });
    this.ledger = new DeliveryLedger(database, connector.name);
    this.policy = new TargetPolicy(connector.name, config, this.logger, {
      onDown: () => this.consumers.forEach((consumer) => consumer.pause()),
      onUp: () => this.consumers.forEach((consumer) => consumer.resume()),
    });
  }

  private get retryTopics(): string[] {
    return this.config.CONNECTOR_RETRY_DELAYS_S.map((_, index) =>
      this.topics.retry(this.connector.name, index + 1),
    );
  }

  async start(): Promise<void> {
    const name = this.connector.name;
    await this.kafka.ensureTopics(this.topics.connectorTopics(name, this.retryTopics.length));
    this.producer = await this.kafka.producer();
    const group = this.topics.group(`lienthong.connector.${name}`);
    this.consumers.push(
      new AtLeastOnceConsumer(this.kafka, {
        groupId: group,
        topics: [this.topics.route(name)],
        partitionsConsumedConcurrently: this.config.CONNECTOR_PARTITIONS_AT_ONCE,
        handleBatch: (records, heartbeat) => this.handleBatch(records, heartbeat),
      }),
      new AtLeastOnceConsumer(this.kafka, {
        groupId: `${group}.retry`,
        topics: this.retryTopics,
        partitionsConsumedConcurrently: this.config.CONNECTOR_PARTITIONS_AT_ONCE,
        handleBatch: (records, heartbeat) => this.handleRetryBatch(records, heartbeat),
      }),
    );
    for (const consumer of this.consumers) await consumer.start();
    this.logger.info({ topic: this.topics.route(name) }, 'connector started');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }

  /** Retry topics are in due order: wait for each event's time, then deliver it as the route does. */
  private async handleRetryBatch(records: IncomingRecord[], heartbeat: () => Promise<void>): Promise<void> {
    for (const record of records) {
      while (Date.now() < retryDueAt(record)) {
        if (this.stopping) throw new Error('connector stopping: the retry batch is handed back to Kafka');
        await sleep(Math.min(1000, retryDueAt(record) - Date.now()));
        await heartbeat();
      }
      await this.handleBatch([record], heartbeat);
    }
  }

  private async handleBatch(records: IncomingRecord[], heartbeat: () => Promise<void>): Promise<void> {
    const byDossier = new Map<string, IncomingRecord[]>();
    for (const record of records) {
      const key = record.key?.toString() ?? '';
      let queue = byDossier.get(key);
      if (!queue) byDossier.set(key, (queue = []));
      queue.push(record);
    }
    const queues = [...byDossier.values()];
    const outputs: OutgoingRecord[] = [];
    const workers = Array.from(
      { length: Math.min(this.config.CONNECTOR_CONCURRENCY, queues.length) },
      async () => {
        for (let queue = queues.shift(); queue; queue = queues.shift()) {
          for (const record of queue) {
            const output = await this.handleRecord(record, heartbeat);
            if (output) outputs.push(output);
          }
        }
      },
    );
    await Promise.all(workers);
    // Before the offsets are committed: a parked or dead-lettered event is never lost.
    if (outputs.length > 0) await this.kafka.send(this.producer!, outputs);
  }

  /** Delivers one record; returns where it goes instead when it was not delivered. */
  private async handleRecord(
    record: IncomingRecord,
    heartbeat: () => Promise<void>,
  ): Promise<OutgoingRecord | undefined> {
    const dossier = parseDossier(record.value);
    if (!dossier) {
      return this.deadLetter(record, new PermanentError('INVALID_DOSSIER_EVENT', 'not a dossier.v1 event'));
    }
    return this.dossierLock.run(dossier.dossierCode, () => this.deliver(record, dossier, heartbeat));
  }

  private async deliver(
    record: IncomingRecord,
    dossier: DossierEvent,
    heartbeat: () => Promise<void>,
  ): Promise<OutgoingRecord | undefined> {
    const name = this.connector.name;
    const logger = this.logger.child({
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
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
      skipped.inc({ connector: name, why: 'duplicate' });
      return undefined;
    }
    const previous = await this.ledger.targetState(dossier.dossierCode);
    if (previous && entry.sequence <= previous.lastSequence) {
      skipped.inc({ connector: name, why: 'stale' });
      await this.ledger.recordNotDelivered(entry, 'skipped_stale', { heldSequence: previous.lastSequence });
      return undefined;
    }
    const stopTimer = deliverySeconds.startTimer({ connector: name });
    try {
      const result = await this.policy.call((attempt) => {
        entry.attempts = attempt;
        return this.connector.deliver(dossier, previous);
      }, heartbeat);
      if (result.publish?.length) await this.kafka.send(this.producer!, result.publish);
      await this.ledger.recordDelivered(entry, result);
      delivered.inc({ connector: name });
      logger.debug({ attempts: entry.attempts }, 'delivered');
      return undefined;
    } catch (error) {
      if (error instanceof RetriableError) {
        const parked = park(record, name, this.topics, this.config.CONNECTOR_RETRY_DELAYS_S, error);
        retries.inc({ connector: name, level: String(retryLevel(record) + 1) });
        logger.warn(
          { err: error, attempts: entry.attempts, to: parked.topic },
          'delivery still failing; parked',
        );
        return parked;
      }
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
