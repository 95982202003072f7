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
import type { Connector, TargetState } from './connector';
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
    const outputs: OutgoingRecord[] = [];
    // The payload's dossier code decides the order, not the Kafka key.
    const byDossier = new Map<string, DossierRecord[]>();
    for (const record of records) {
      const dossier = parseDossier(record.value);
      if (!dossier) {
        outputs.push(
          this.deadLetter(record, new PermanentError('INVALID_DOSSIER_EVENT', 'not a dossier.v1 event')),
        );
        continue;
      }
      const queue = byDossier.get(dossier.dossierCode) ?? [];
      byDossier.set(dossier.dossierCode, [...queue, { record, dossier }]);
    }
    const queues = [...byDossier];
    const workers = Array.from(
      { length: Math.min(this.config.CONNECTOR_CONCURRENCY, queues.length) },
      async () => {
        for (let next = queues.shift(); next; next = queues.shift()) {
          const [code, events] = next;
          outputs.push(...(await this.dossierLock.run(code, () => this.deliverDossier(events, heartbeat))));
        }
      },
    );
    await Promise.all(workers);
    // Before the offsets are committed: a parked or dead-lettered event is never lost.
    if (outputs.length > 0) await this.kafka.send(this.producer!, outputs);
  }

  /** One dossier's events of a batch: skips what was handled or is older than the target's, delivers the rest. */
  private async deliverDossier(
    events: DossierRecord[],
    heartbeat: () => Promise<void>,
  ): Promise<OutgoingRecord[]> {
    const name = this.connector.name;
    const handled = await this.ledger.alreadyHandled(events.map(({ dossier }) => eventId(dossier)));
    const fresh = events.filter(({ dossier }) => !handled.has(eventId(dossier)));
    if (fresh.length < events.length)
      skipped.inc({ connector: name, why: 'duplicate' }, events.length - fresh.length);
    if (fresh.length === 0) return [];
    const code = fresh[0].dossier.dossierCode;
    const previous = await this.ledger.targetState(code);
    // Older than what the target holds, or than what may have reached it with its answer lost.
    const attempted = await this.ledger.attemptedSequence(code);
    const isStale = ({ dossier: { provenance } }: DossierRecord) =>
      (previous !== undefined && provenance.sequence <= previous.lastSequence) ||
      provenance.sequence < attempted;
    const stale = fresh.filter(isStale);
    if (stale.length > 0) {
      skipped.inc({ connector: name, why: 'stale' }, stale.length);
      await this.ledger.recordNotDelivered(stale.map(toEntry), 'skipped_stale', {
        heldSequence: previous?.lastSequence,
        attemptedSequence: attempted,
      });
    }
    const newer = fresh
      .filter((event) => !isStale(event))
      .sort((a, b) => a.dossier.provenance.sequence - b.dossier.provenance.sequence);
    if (newer.length > 1 && this.connector.deliverSeveral) {
      try {
        return (await this.deliverEvents(newer, previous, heartbeat)).outputs;
      } catch (error) {
        if (!(error instanceof PermanentError)) throw error;
        this.logger.warn(
          { err: error, dossierCode: newer[0].dossier.dossierCode },
          'refused together; one by one',
        );
      }
    }
    const outputs: OutgoingRecord[] = [];
    let state = previous;
    for (const event of newer) {
      const result = await this.deliverEvents([event], state, heartbeat);
      outputs.push(...result.outputs);
      state = result.state ?? state;
    }
    return outputs;
  }

  /**
   * Delivers events of one dossier in one go. Returns the target's new state, or where the events go
   * instead: the next retry topic, or (one event refused for good) the dead-letter topic. Several events
   * refused for good throw, for the caller to find the one at fault.
   */
  private async deliverEvents(
    events: DossierRecord[],
    previous: TargetState | undefined,
    heartbeat: () => Promise<void>,
  ): Promise<{ state?: TargetState; outputs: OutgoingRecord[] }> {
    const name = this.connector.name;
    const [{ record, dossier }] = events.slice(-1);
    // Bindings, not a child logger: a child per delivery costs more than the delivery at high rates.
    const where = {
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      dossierCode: dossier.dossierCode,
      eventId: eventId(dossier),
      events: events.length,
    };
    const entries = events.map(toEntry);
    const stopTimer = deliverySeconds.startTimer({ connector: name });
    try {
      await this.ledger.markAttempted(dossier.dossierCode, dossier.provenance.sequence);
      const result = await this.policy.call((attempt) => {
        for (const entry of entries) entry.attempts = attempt;
        return events.length === 1
          ? this.connector.deliver(dossier, previous)
          : this.connector.deliverSeveral!(
              events.map((event) => event.dossier),
              previous,
            );
      }, heartbeat);
      if (result.publish?.length) await this.kafka.send(this.producer!, result.publish);
      await this.ledger.recordDelivered(entries, result);
      delivered.inc({ connector: name }, events.length);
      this.logger.debug({ ...where, attempts: entries[0].attempts }, 'delivered');
      return { state: result.state, outputs: [] };
    } catch (error) {
      if (error instanceof RetriableError) {
        const delays = this.config.CONNECTOR_RETRY_DELAYS_S;
        const parked = events.map((event) => park(event.record, name, this.topics, delays, error));
        retries.inc({ connector: name, level: String(retryLevel(record) + 1) }, events.length);
        this.logger.warn(
          { ...where, err: error, attempts: entries[0].attempts, to: parked[0].topic },
          'delivery still failing; parked',
        );
        return { outputs: parked };
      }
      if (!(error instanceof PermanentError) || events.length > 1) throw error;
      this.logger.error({ ...where, err: error }, 'target refused the dossier event; dead-lettered');
      await this.ledger.recordNotDelivered(entries, 'failed', { code: error.code, message: error.message });
      return { outputs: [this.deadLetter(record, error)] };
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

interface DossierRecord {
  record: IncomingRecord;
  dossier: DossierEvent;
}

const eventId = (dossier: DossierEvent) => dossier.provenance.sourceEventId;

function toEntry({ dossier }: DossierRecord): LedgerEntry {
  return {
    sourceEventId: eventId(dossier),
    dossierCode: dossier.dossierCode,
    sequence: dossier.provenance.sequence,
    status: dossier.status,
    attempts: 0,
  };
}

function parseDossier(value: Buffer | null): DossierEvent | undefined {
  try {
    const parsed: unknown = JSON.parse(value?.toString('utf8') ?? '');
    return dossierSchema.is(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
