import { ConnectorControl } from '@lienthong/connector-control';
import type { Database } from '@lienthong/database';
import {
  AtLeastOnceConsumer,
  deadLetter,
  type IncomingRecord,
  type KafkaConnection,
  type OutgoingRecord,
  type Topics,
} from '@lienthong/kafka';
import {
  childTraceparent,
  createLogger,
  recordSpan,
  traceIdOf,
  tracingEnabled,
  type Logger,
} from '@lienthong/observability';
import { SchemaValidator, type DossierEvent } from '@lienthong/schemas';
import type { Producer } from 'kafkajs';
import type { Connector, Delivered, FollowedFacts, TargetState } from './connector';
import type { ConnectorRuntimeConfig } from './connector-runtime.config';
import { breakerState, delivered, deliverySeconds, failed, retries, skipped } from './connector-metrics';
import { DeliveryLedger, ledgerKey, type LedgerEntry } from './delivery-ledger';
import { DeliveryError, PermanentError, RetriableError, WaitingForNewerError } from './errors';
import { Amendments, DossierTurns } from './amendments';
import { inParallel } from './in-parallel';
import { OperatorPause } from './operator-pause';
import { park, retryDueAt, retryLevel } from './retry-parking';
import { TargetPolicy } from './target-policy';

// Tolerant: a newer hub's optional fields must not make this connector dead-letter its events.
const dossierSchema = new SchemaValidator<DossierEvent>('dossier.v1.json', { tolerant: true });
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
  private readonly turns: DossierTurns;
  /** Changes to dossiers at the target outside their events (followed facts, reconciliation). */
  readonly amendments: Amendments;
  private readonly consumers: AtLeastOnceConsumer[] = [];
  private readonly operatorPause: OperatorPause;
  private producer?: Producer;
  private stopping = false;
  private targetDown = false;
  private lastError: { code: string; message: string; at: string } | null = null;
  private readonly startedAt = new Date().toISOString();

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
      onDown: () => this.setTargetDown(true),
      onUp: () => this.setTargetDown(false),
    });
    // One connection per batch that may hold turns at once: route partitions and each retry level's.
    const holders = config.CONNECTOR_PARTITIONS_AT_ONCE * (1 + config.CONNECTOR_RETRY_DELAYS_S.length) + 2;
    this.turns = new DossierTurns(database.locks(database.dedicatedPool(holders)), connector.name);
    this.amendments = new Amendments(this.turns, this.ledger, this.policy, config.CONNECTOR_CONCURRENCY);
    this.operatorPause = new OperatorPause(
      new ConnectorControl(database),
      connector.name,
      config.CONNECTOR_CONTROL_POLL_MS,
      this.logger,
      { onChange: () => this.applyConsumption(), report: () => this.replicaReport() },
    );
  }

  private setTargetDown(down: boolean): void {
    this.targetDown = down;
    this.applyConsumption();
  }

  /** Consumption stops while the target is down or an operator paused the connector. */
  private applyConsumption(): void {
    const stop = this.targetDown || this.operatorPause.isPaused;
    for (const consumer of this.consumers) {
      if (stop) consumer.pause();
      else consumer.resume();
    }
  }

  private async replicaReport() {
    const { values } = await breakerState.get();
    const state = values.find(({ labels }) => labels.connector === this.connector.name)?.value ?? 0;
    return {
      connector: this.connector.name,
      instance: this.config.CONNECTOR_INSTANCE_ID,
      breaker: (['closed', 'open', 'half-open'] as const)[state] ?? 'closed',
      lastError: this.lastError,
      startedAt: this.startedAt,
    };
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
    );
    // One consumer per retry level: an event waiting its 30 minutes must not hold up one due in 30 s.
    this.consumers.push(
      ...this.retryTopics.map(
        (topic, index) =>
          new AtLeastOnceConsumer(this.kafka, {
            groupId: `${group}.retry.${index + 1}`,
            topics: [topic],
            partitionsConsumedConcurrently: this.config.CONNECTOR_PARTITIONS_AT_ONCE,
            handleBatch: (records, heartbeat) => this.handleRetryBatch(records, heartbeat),
          }),
      ),
    );
    const follows = this.connector.follows;
    if (follows) {
      await this.kafka.ensureTopics([{ name: follows.topic }]);
      this.consumers.push(
        new AtLeastOnceConsumer(this.kafka, {
          groupId: `${group}.follow`,
          topics: [follows.topic],
          handleBatch: (records, heartbeat) => this.handleFollowedFacts(follows, records, heartbeat),
        }),
      );
    }
    await this.operatorPause.start();
    for (const consumer of this.consumers) await consumer.start();
    this.applyConsumption();
    this.logger.info({ topic: this.topics.route(name) }, 'connector started');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.operatorPause.stop();
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await this.turns.close();
  }

  /**
   * Retry topics are in due order: wait for the first event's time, then deliver every event due by
   * then together, as the route does (each dossier in order, different dossiers side by side).
   */
  private async handleRetryBatch(records: IncomingRecord[], heartbeat: () => Promise<void>): Promise<void> {
    for (let start = 0; start < records.length;) {
      const dueAt = retryDueAt(records[start]);
      while (Date.now() < dueAt) {
        if (this.stopping) throw new Error('connector stopping: the retry batch is handed back to Kafka');
        await sleep(Math.min(1000, dueAt - Date.now()));
        await heartbeat();
      }
      let end = start + 1;
      while (end < records.length && retryDueAt(records[end]) <= Date.now()) end++;
      await this.handleBatch(records.slice(start, end), heartbeat);
      start = end;
    }
  }

  /**
   * Followed facts: kept first, then each dossier already at the target is amended in its turn. A
   * refusal leaves the fact kept for the dossier's next delivery; a target that stays down fails the
   * batch, which Kafka then hands back.
   */
  private async handleFollowedFacts(
    follows: FollowedFacts,
    records: IncomingRecord[],
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const codes = [...new Set(await follows.keep(records))];
    if (codes.length === 0) return;
    const outcomes = await this.amendments.amend(codes, (previous) => follows.amend(previous), heartbeat);
    for (const [dossierCode, amended] of outcomes) {
      if (amended.outcome !== 'refused') continue;
      this.logger.warn(
        { dossierCode, err: amended.error },
        'target refused an amendment; kept for the next delivery',
      );
    }
  }

  private async handleBatch(records: IncomingRecord[], heartbeat: () => Promise<void>): Promise<void> {
    // A batch fetched before an operator's pause waits, and so is delivered after the resume.
    await this.operatorPause.untilResumed(heartbeat);
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
      const queue = byDossier.get(dossier.dossierCode);
      if (queue) queue.push({ record, dossier });
      else byDossier.set(dossier.dossierCode, [{ record, dossier }]);
    }
    if (byDossier.size > 0) {
      const codes = [...byDossier.keys()];
      outputs.push(
        ...(await this.turns.runAll(codes, heartbeat, () => this.deliverBatch(byDossier, heartbeat))),
      );
    }
    // Before the offsets are committed: a parked or dead-lettered event is never lost.
    if (outputs.length > 0) await this.kafka.send(this.producer!, outputs);
  }

  /**
   * Skips what was handled before or is older than what the target holds, then delivers the rest: all
   * dossiers in one go when the connector can and the target takes it, else dossier by dossier.
   */
  private async deliverBatch(
    byDossier: Map<string, DossierRecord[]>,
    heartbeat: () => Promise<void>,
  ): Promise<OutgoingRecord[]> {
    const { pending, stale, early } = await this.pendingDossiers(byDossier);
    const outputs = early.map((event) => this.parked(event, new WaitingForNewerError()));
    outputs.push(...(await this.deliverStale(stale, heartbeat)));
    if (pending.length > 1 && this.connector.deliverMany && (await this.triedTogether(pending)))
      return outputs;
    await inParallel(pending, this.config.CONNECTOR_CONCURRENCY, async (item) => {
      await this.operatorPause.untilResumed(heartbeat);
      outputs.push(...(await this.deliverDossier(item, heartbeat)));
    });
    return outputs;
  }

  /**
   * The new events of each dossier, and those older than what its target holds (or may hold). Older
   * events of a dossier not at the target yet, whose newer event's outcome is not known, come early:
   * what they add (a progress step) has nothing to attach to until that event is through.
   */
  private async pendingDossiers(
    byDossier: Map<string, DossierRecord[]>,
  ): Promise<{ pending: PendingDossier[]; stale: DossierRecord[][]; early: DossierRecord[] }> {
    const name = this.connector.name;
    const events = [...byDossier.values()].flat();
    const handled = await this.ledger.alreadyHandled(events.map(({ dossier }) => dossier.provenance));
    if (handled.size > 0) skipped.inc({ connector: name, why: 'duplicate' }, handled.size);
    const atTarget = await this.ledger.dossiers([...byDossier.keys()]);
    const stale: DossierRecord[][] = [];
    const early: DossierRecord[] = [];
    const pending: PendingDossier[] = [];
    const addsToStale = this.connector.deliverStale !== undefined;
    for (const [code, dossierEvents] of byDossier) {
      const { previous, attempted } = atTarget.get(code) ?? { attempted: 0 };
      // Older than what the target holds, or than what may have reached it with its answer lost.
      const isStale = ({ dossier: { provenance } }: DossierRecord) =>
        (previous !== undefined && provenance.sequence <= previous.lastSequence) ||
        provenance.sequence < attempted;
      // A copy of an event in the same batch (a rebalance, a parked event sent twice) is a duplicate too.
      const fresh = dossierEvents.filter(({ dossier }) => {
        const id = eventId(dossier);
        if (handled.has(id)) return false;
        handled.add(id);
        return true;
      });
      const older = fresh.filter(isStale);
      if (addsToStale && !previous?.created) early.push(...older);
      else if (older.length > 0) stale.push(older);
      const newer = fresh
        .filter((event) => !isStale(event))
        .sort((a, b) => a.dossier.provenance.sequence - b.dossier.provenance.sequence);
      if (newer.length > 0) pending.push({ events: newer, previous });
    }
    return { pending, stale, early };
  }

  /**
   * Events older than what the target holds: never sent as the dossier's record, but what they still
   * add (a late step's progress record) goes through the connector's deliverStale, with the same
   * retries, parking and dead letters as any delivery; then they are noted as skipped. Each dossier's
   * go alone (dossiers side by side), so a failure holds up or refuses only that dossier's steps.
   */
  private async deliverStale(
    staleByDossier: DossierRecord[][],
    heartbeat: () => Promise<void>,
  ): Promise<OutgoingRecord[]> {
    const outputs: OutgoingRecord[] = [];
    await inParallel(staleByDossier, this.config.CONNECTOR_CONCURRENCY, async (own) => {
      outputs.push(...(await this.deliverStaleOfDossier(own, heartbeat)));
    });
    return outputs;
  }

  private async deliverStaleOfDossier(
    stale: DossierRecord[],
    heartbeat: () => Promise<void>,
  ): Promise<OutgoingRecord[]> {
    const deliverStale = this.connector.deliverStale?.bind(this.connector);
    try {
      const history = deliverStale
        ? await this.policy.call(() => deliverStale(stale.map(({ dossier }) => dossier)), heartbeat)
        : undefined;
      skipped.inc({ connector: this.connector.name, why: 'stale' }, stale.length);
      await this.ledger.recordNotDelivered(stale.map(toEntry), 'skipped_stale', {
        skipped: 'older than the target holds',
        history,
      });
      return [];
    } catch (error) {
      if (error instanceof RetriableError) return stale.map((event) => this.parked(event, error));
      if (!(error instanceof PermanentError)) throw error;
      await this.ledger.recordNotDelivered(stale.map(toEntry), 'failed', {
        code: error.code,
        message: error.message,
      });
      return stale.map(({ record }) => this.deadLetter(record, error));
    }
  }

  /**
   * One dossier's new events. A connector with deliverMany gets them together (the newest record plus
   * every step), with retries: never an older event after a newer one that may have reached the target.
   * Otherwise they go one by one, in sequence order.
   */
  private async deliverDossier(
    item: PendingDossier,
    heartbeat: () => Promise<void>,
  ): Promise<OutgoingRecord[]> {
    if (item.events.length === 1 || !this.connector.deliverMany) {
      const outputs: OutgoingRecord[] = [];
      let previous = item.previous;
      for (const event of item.events) {
        const result = await this.deliverOne(event, previous, heartbeat);
        outputs.push(...result.outputs);
        previous = result.state ?? previous;
      }
      return outputs;
    }
    try {
      await this.send([item], (target) => this.policy.call(target, heartbeat));
      return [];
    } catch (error) {
      if (error instanceof RetriableError) return item.events.map((event) => this.parked(event, error));
      if (!(error instanceof PermanentError)) throw error;
      // Refused together: the newest alone (dead-lettered if refused too), then what the older ones add.
      const newest = await this.deliverOne(item.events[item.events.length - 1], item.previous, heartbeat);
      return [...newest.outputs, ...(await this.deliverStaleOfDossier(item.events.slice(0, -1), heartbeat))];
    }
  }

  /**
   * One attempt at many events together, without retries: when the target is healthy this is the fast
   * path; when it fails, the caller delivers in smaller parts, each with the full retry policy.
   */
  private async triedTogether(items: PendingDossier[]): Promise<boolean> {
    try {
      await this.send(items, (target) => target());
      return true;
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      this.logger.debug({ err: error, dossiers: items.length }, 'not taken together; delivering in parts');
      return false;
    }
  }

  /** One event with retries; where it goes instead when it cannot be delivered (retry topic, dead letters). */
  private async deliverOne(
    event: DossierRecord,
    previous: TargetState | undefined,
    heartbeat: () => Promise<void>,
  ): Promise<{ state?: TargetState; outputs: OutgoingRecord[] }> {
    let attempts = 0;
    try {
      const [result] = await this.send([{ events: [event], previous }], (target) =>
        this.policy.call(() => {
          attempts += 1;
          return target();
        }, heartbeat),
      );
      return { state: result.state, outputs: [] };
    } catch (error) {
      if (error instanceof RetriableError) return { outputs: [this.parked(event, error, attempts)] };
      if (!(error instanceof PermanentError)) throw error;
      this.logger.error({ ...locate(event), err: error }, 'target refused the dossier event; dead-lettered');
      await this.ledger.recordNotDelivered([{ ...toEntry(event), attempts }], 'failed', {
        code: error.code,
        message: error.message,
      });
      return { outputs: [this.deadLetter(event.record, error)] };
    }
  }

  /**
   * Notes what may reach the target, calls it (through `run`, which may retry), publishes what the
   * outcomes produce and records them. Throws the target's error.
   */
  private async send(
    items: PendingDossier[],
    run: (target: () => Promise<Delivered[]>) => Promise<Delivered[]>,
  ): Promise<Delivered[]> {
    await this.ledger.markAttempted(
      items.map(({ events }) => ({
        dossierCode: events[0].dossier.dossierCode,
        sequence: events[events.length - 1].dossier.provenance.sequence,
      })),
    );
    const stopTimer = deliverySeconds.startTimer({ connector: this.connector.name });
    const timing = { started: Date.now(), targetStarted: 0, targetEnded: 0 };
    let attempts = 0;
    let failure: unknown;
    try {
      const results = await run(async () => {
        attempts += 1;
        timing.targetStarted ||= Date.now();
        try {
          return await this.callTarget(items);
        } finally {
          timing.targetEnded = Date.now();
        }
      });
      const publish = results.flatMap((result) => result.publish ?? []);
      if (publish.length > 0) await this.kafka.send(this.producer!, publish);
      await this.ledger.recordDelivered(
        items.map((item, index) => ({
          entries: item.events.map((event) => ({ ...toEntry(event), attempts })),
          delivered: results[index],
        })),
      );
      delivered.inc(
        { connector: this.connector.name },
        items.reduce((sum, item) => sum + item.events.length, 0),
      );
      return results;
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      stopTimer();
      if (tracingEnabled()) this.trace(items, timing, attempts, failure);
    }
  }

  /** Two spans per event, under the route message's traceparent: the delivery, and the target call in it. */
  private trace(
    items: PendingDossier[],
    timing: { started: number; targetStarted: number; targetEnded: number },
    attempts: number,
    failure: unknown,
  ): void {
    const name = this.connector.name;
    const ended = Date.now();
    const error =
      failure === undefined ? undefined : failure instanceof Error ? failure.message : String(failure);
    for (const { record, dossier } of items.flatMap((item) => item.events)) {
      const delivery = childTraceparent(record.headers.traceparent);
      const attributes = {
        'lienthong.connector': name,
        'lienthong.dossier_code': dossier.dossierCode,
        'lienthong.attempts': attempts,
      };
      recordSpan(`connector-${name}`, {
        name: `deliver ${name}`,
        kind: 'consumer',
        traceparent: delivery,
        parent: record.headers.traceparent,
        startMs: timing.started,
        endMs: ended,
        attributes: { ...attributes, 'messaging.system': 'kafka', 'messaging.source.name': record.topic },
        error,
      });
      if (timing.targetStarted > 0) {
        recordSpan(`connector-${name}`, {
          name: `call ${name}`,
          kind: 'client',
          traceparent: childTraceparent(delivery),
          parent: delivery,
          startMs: timing.targetStarted,
          endMs: timing.targetEnded,
          attributes,
          error,
        });
      }
    }
  }

  /**
   * The connector's work; an error it did not classify is retried like a transient one, so a bug or an
   * unforeseen answer parks the event and finally dead-letters it, never stalling the partition.
   */
  private async callTarget(items: PendingDossier[]): Promise<Delivered[]> {
    try {
      return await this.callConnector(items);
    } catch (error) {
      this.lastError = {
        code: (error as { code?: string }).code ?? 'UNCLASSIFIED',
        message: error instanceof Error ? error.message : String(error),
        at: new Date().toISOString(),
      };
      if (error instanceof DeliveryError) throw error;
      this.logger.error(
        { err: error, dossiers: items.length },
        'connector failed unclassified; retried, then parked',
      );
      throw new RetriableError('UNCLASSIFIED', error instanceof Error ? error.message : String(error));
    }
  }

  private async callConnector(items: PendingDossier[]): Promise<Delivered[]> {
    if (this.connector.deliverMany) {
      return this.connector.deliverMany(
        items.map(({ events, previous }) => ({ dossiers: events.map((event) => event.dossier), previous })),
      );
    }
    // Without deliverMany, only single events are sent (see deliverDossier).
    const [{ events, previous }] = items;
    return [await this.connector.deliver(events[0].dossier, previous)];
  }

  private parked(
    { record, dossier }: DossierRecord,
    error: RetriableError,
    attempts?: number,
  ): OutgoingRecord {
    const name = this.connector.name;
    const parked = park(
      record,
      name,
      this.topics,
      this.config.CONNECTOR_RETRY_DELAYS_S,
      error,
      this.config.CONNECTOR_HOLD_MAX_H * 3_600_000,
    );
    retries.inc({ connector: name, level: String(retryLevel(record) + 1) });
    this.logger.warn(
      {
        topic: record.topic,
        partition: record.partition,
        offset: record.offset,
        dossierCode: dossier.dossierCode,
        eventId: eventId(dossier),
        err: error,
        attempts,
        to: parked.topic,
      },
      'delivery still failing; parked',
    );
    return parked;
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

/** New events of one dossier, in sequence order, and what the target holds of it. */
interface PendingDossier {
  events: DossierRecord[];
  previous: TargetState | undefined;
}

/** An event's identity: its source system and the id that system gave it. */
const eventId = (dossier: DossierEvent) => ledgerKey(dossier.provenance);

/** What every log line about an event names. */
const locate = ({ record, dossier }: DossierRecord) => ({
  topic: record.topic,
  partition: record.partition,
  offset: record.offset,
  dossierCode: dossier.dossierCode,
  eventId: eventId(dossier),
  traceId: traceIdOf(record.headers.traceparent),
});

function toEntry({ dossier }: DossierRecord): LedgerEntry {
  return {
    sourceSystem: dossier.provenance.sourceSystem,
    sourceEventId: dossier.provenance.sourceEventId,
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
