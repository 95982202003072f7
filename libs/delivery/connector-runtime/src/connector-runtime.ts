import { ConnectorControl } from '@lienthong/connector-control';
import type { Database } from '@lienthong/database';
import type { IncomingRecord, KafkaConnection, OutgoingRecord, Topics } from '@lienthong/kafka';
import { createLogger, type Logger } from '@lienthong/observability';
import type { Producer } from 'kafkajs';
import { Amendments } from './amendments';
import type { Connector } from './connector';
import type { ConnectorRuntimeConfig } from './connector-runtime.config';
import { connectorConsumers } from './consume/consumers';
import { whenDue } from './consume/due-retries';
import { amendingFromFacts } from './consume/followed-facts';
import { PauseGate } from './consume/pause-gate';
import { DeliveryLedger } from './delivery-ledger';
import { DossierDispatch } from './dispatch/dossier-dispatch';
import { StaleDelivery } from './dispatch/stale-delivery';
import { TargetCall } from './dispatch/target-call';
import { parseBatch, type DossierRecord } from './dossier-record';
import { DossierTurns } from './dossier-turns';
import { WaitingForNewerError } from './errors';
import { Outcomes } from './outcome/outcomes';
import { planDeliveries } from './plan/plan-deliveries';
import { DeliveryRecords } from './record/delivery-records';
import { replicaReport } from './record/replica-report';
import { TargetPolicy } from './target-policy';

/**
 * Runs one connector: consumes its inputs (dossier.v1 and its route topic, or what its intake reads), keeps each
 * dossier's events (each subject's items) in order while delivering different ones in parallel, and
 * records every outcome in the delivery ledger so a redelivery never reaches the target twice.
 * Transient failures are retried with backoff, then parked on retry topics; permanent ones and records
 * the intake cannot read are dead-lettered; while the target is down consumption pauses.
 */
export class ConnectorRuntime<Item> {
  private readonly logger: Logger;
  private readonly gate: PauseGate;
  private readonly turns: DossierTurns;
  /** Changes to dossiers at the target outside their events (followed facts, reconciliation). */
  readonly amendments: Amendments;
  private readonly records: DeliveryRecords;
  private readonly outcomes: Outcomes;
  private readonly target: TargetCall<Item>;
  private readonly stale: StaleDelivery<Item>;
  private readonly dispatch: DossierDispatch<Item>;
  private readonly stopping = new AbortController();
  private producer?: Producer;
  private readonly startedAt = new Date().toISOString();

  constructor(
    private readonly connector: Connector<Item>,
    private readonly kafka: KafkaConnection,
    private readonly topics: Topics,
    database: Database,
    private readonly config: ConnectorRuntimeConfig,
  ) {
    const name = connector.name;
    const concurrency = config.CONNECTOR_CONCURRENCY;
    this.logger = createLogger('connector', { connector: name });
    const ledger = new DeliveryLedger(database, name);
    this.gate = new PauseGate(
      new ConnectorControl(database),
      name,
      config.CONNECTOR_CONTROL_POLL_MS,
      this.logger,
      () =>
        replicaReport({
          connector: name,
          instance: config.CONNECTOR_INSTANCE_ID,
          lastError: this.target.lastError,
          startedAt: this.startedAt,
        }),
    );
    const policy = new TargetPolicy(name, config, this.logger, this.gate.target);
    // One connection per batch that may hold turns at once: route partitions and each retry level's.
    const holders = config.CONNECTOR_PARTITIONS_AT_ONCE * (1 + config.CONNECTOR_RETRY_DELAYS_S.length) + 2;
    this.turns = new DossierTurns(database.locks(database.dedicatedPool(holders)), name);
    this.amendments = new Amendments(this.turns, ledger, policy, concurrency);
    this.records = new DeliveryRecords(name, ledger, kafka, () => this.producer!);
    this.outcomes = new Outcomes(name, topics, config, this.records, this.logger);
    this.target = new TargetCall(connector, this.records, this.logger);
    this.stale = new StaleDelivery(connector, policy, this.records, this.outcomes, concurrency);
    this.dispatch = new DossierDispatch(
      connector,
      policy,
      this.target,
      this.stale,
      this.outcomes,
      this.logger,
      {
        concurrency,
        untilResumed: (heartbeat) => this.gate.untilResumed(heartbeat),
      },
    );
  }

  async start(): Promise<void> {
    const inputs = this.connector.intake.inputs(this.topics, this.connector.name);
    const consumers = await connectorConsumers(this.kafka, this.topics, this.connector, inputs, this.config, {
      route: (records, heartbeat) => this.handleBatch(records, heartbeat),
      retry: (records, heartbeat) =>
        whenDue(records, heartbeat, this.stopping.signal, (due) => this.handleBatch(due, heartbeat)),
      follow: (follows) => amendingFromFacts(follows, this.amendments, this.logger),
    });
    this.producer = await this.kafka.producer();
    await this.gate.start(consumers);
    this.logger.info({ topics: inputs.map((input) => input.name) }, 'connector started');
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.gate.stop();
    await this.turns.close();
  }

  /** Whether a record is meant for this connector: dossier.v1 carries every connector's events. */
  private readonly isFor = (record: IncomingRecord): boolean =>
    this.connector.intake.isFor?.(record, this.topics, this.connector.name) ?? true;

  private async handleBatch(records: IncomingRecord[], heartbeat: () => Promise<void>): Promise<void> {
    // A batch fetched before an operator's pause waits, and so is delivered after the resume.
    await this.gate.untilResumed(heartbeat);
    const { events, invalid } = parseBatch(records, this.connector.intake, this.isFor);
    const outputs = invalid.map(({ record, error }) => this.outcomes.deadLetter(record, error));
    if (events.length > 0) {
      const codes = [...new Set(events.map(({ key }) => key.subject))];
      outputs.push(
        ...(await this.turns.runAll(codes, heartbeat, () => this.deliverBatch(events, heartbeat))),
      );
    }
    // Before the offsets are committed: a parked or dead-lettered event is never lost.
    if (outputs.length > 0) await this.kafka.send(this.producer!, outputs);
  }

  /**
   * Under the batch's dossier turns, what the ledger holds decides each event's way (planDeliveries):
   * older events still waiting for a newer one are parked, stale ones add what they still add, and the
   * new ones are delivered.
   */
  private async deliverBatch(
    events: DossierRecord<Item>[],
    heartbeat: () => Promise<void>,
  ): Promise<OutgoingRecord[]> {
    const plan = planDeliveries(events, await this.records.snapshot(events), {
      addsToStale: this.connector.deliverStale !== undefined,
    });
    const outputs = plan.early.map((event) => this.outcomes.parked(event, new WaitingForNewerError()));
    outputs.push(...(await this.stale.deliver(plan.stale, heartbeat)));
    outputs.push(...(await this.dispatch.deliver(plan.deliver, heartbeat)));
    return outputs;
  }
}
