import { PeriodicTask, type ManagedService } from '@lienthong/bootstrap';
import {
  AtLeastOnceConsumer,
  HubHeader,
  type IncomingRecord,
  type KafkaConnection,
  type Topics,
} from '@lienthong/kafka';
import { Counter, createLogger, metricsRegistry } from '@lienthong/observability';
import {
  confirmsNationalPayment,
  type DossierEvent,
  type IdentityVerifiedEvent,
  type PaymentEvent,
} from '@lienthong/schemas';
import { applyEvent, withNationalPayment, withPopulationCheck, type DossierFacts } from './dossier-facts';
import type { KpiStore } from './kpi-store';

const projected = new Counter({
  name: 'lienthong_kpi_projected_total',
  help: 'dossier.v1 events folded into the KPI read model',
  registers: [metricsRegistry],
});
const skipped = new Counter({
  name: 'lienthong_kpi_skipped_total',
  help: 'dossier.v1 events the KPI projection skipped: stale (marked by the hub or older than the row), unreadable',
  labelNames: ['reason'],
  registers: [metricsRegistry],
});

export interface BatchOutcome {
  applied: number;
  stale: number;
  unreadable: number;
  agencies: string[];
}

/**
 * Projects dossier.v1 (read_committed: only what the hub's transactions committed) into the read
 * model, with the facts that come on topics of their own: identity.verified.v1 (population data used)
 * and payment.v1 (a payment the national platform confirmed through Lienthong counts as paid online).
 * Idempotent: an event not newer than its dossier's row is skipped, a payment confirmed once stays
 * (a copy adds nothing), so a replay from the start, a redelivered batch or a second replica changes
 * nothing. Every `SYNC_MARK_MS` it also marks the dossiers the national portal now holds.
 */
export class KpiProjection implements ManagedService {
  private readonly logger = createLogger('kpi');
  private consumer?: AtLeastOnceConsumer;
  /** Marks the dossiers the national portal now holds. */
  private readonly syncMarking: PeriodicTask;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly topics: Topics,
    private readonly store: KpiStore,
    private readonly options: { groupId: string; syncMarkMs: number },
  ) {
    this.syncMarking = new PeriodicTask({
      name: 'kpi-portal-sync-marking',
      everyMs: options.syncMarkMs,
      run: () => this.store.markPortalSynced(),
    });
  }

  async start(): Promise<void> {
    await this.kafka.ensureTopics([
      { name: this.topics.dossier, config: { 'max.message.bytes': String(4 << 20) } },
      { name: this.topics.identityVerified },
      { name: this.topics.payment },
    ]);
    this.consumer = new AtLeastOnceConsumer(this.kafka, {
      groupId: this.options.groupId,
      topics: [this.topics.dossier, this.topics.identityVerified, this.topics.payment],
      partitionsConsumedConcurrently: 2,
      handleBatch: async (records) => {
        await this.project(records);
      },
    });
    await this.consumer.start();
    await this.syncMarking.start();
  }

  async stop(): Promise<void> {
    await this.syncMarking.stop();
    await this.consumer?.stop();
  }

  /** Folds one partition's batch (of dossier.v1, identity.verified.v1 or payment.v1) in one transaction. */
  async project(records: IncomingRecord[]): Promise<BatchOutcome> {
    const events: DossierEvent[] = [];
    const checks: IdentityVerifiedEvent[] = [];
    const payments: PaymentEvent[] = [];
    let stale = 0;
    let unreadable = 0;
    for (const record of records) {
      if (record.headers[HubHeader.Stale] === 'true') {
        stale += 1;
        continue;
      }
      try {
        const value = JSON.parse(record.value?.toString('utf8') ?? '');
        if (record.topic === this.topics.identityVerified) checks.push(value as IdentityVerifiedEvent);
        else if (record.topic === this.topics.payment) payments.push(value as PaymentEvent);
        else events.push(value as DossierEvent);
      } catch (error) {
        unreadable += 1;
        this.logger.warn(
          { topic: record.topic, partition: record.partition, offset: record.offset, err: error },
          'unreadable dossier.v1 event skipped',
        );
      }
    }
    const confirmed = payments.filter(confirmsNationalPayment);
    const outcome = await this.store.transaction(async (client) => {
      const codes = [...new Set([...events, ...checks, ...confirmed].map((event) => event.dossierCode))];
      await this.store.lockDossiers(client, codes);
      const verified = await this.store.recordChecks(
        client,
        checks.map(({ dossierCode, verified, checkedAt }) => ({ dossierCode, verified, checkedAt })),
        codes,
      );
      const paid = await this.store.recordPayments(
        client,
        confirmed.map(({ dossierCode, at }) => ({ dossierCode, at })),
        codes,
      );
      const before = await this.store.lockFacts(client, codes);
      const after = new Map<string, DossierFacts>(before);
      const agencies = new Map<string, string | null>();
      let applied = 0;
      for (const event of events) {
        const previous = after.get(event.dossierCode);
        if (previous && event.provenance.sequence <= previous.lastSequence) {
          stale += 1;
          continue;
        }
        after.set(event.dossierCode, applyEvent(previous, event));
        agencies.set(event.agency.code, event.agency.name ?? agencies.get(event.agency.code) ?? null);
        applied += 1;
      }
      for (const [code, facts] of after) {
        const checked = verified.has(code) ? withPopulationCheck(facts, verified.get(code)!) : facts;
        after.set(code, paid.has(code) ? withNationalPayment(checked) : checked);
      }
      const changes = [...after]
        .filter(([code, facts]) => before.get(code) !== facts)
        .map(([code, facts]) => ({ before: before.get(code), after: facts }));
      await this.store.write(client, changes, agencies, applied);
      return { applied, agencies: [...agencies.keys()] };
    });
    projected.inc(outcome.applied);
    if (stale > 0) skipped.inc({ reason: 'stale' }, stale);
    if (unreadable > 0) skipped.inc({ reason: 'unreadable' }, unreadable);
    return { ...outcome, stale, unreadable };
  }
}
