import { PeriodicTask, type ManagedService } from '@lienthong/bootstrap';
import type { AdvisoryLocks, Database } from '@lienthong/database';
import {
  cloudEventHeaders,
  type KafkaConnection,
  type OutgoingRecord,
  type TopicSpec,
} from '@lienthong/kafka';
import { Counter, metricsRegistry } from '@lienthong/observability';
import type { PaymentEvent } from '@lienthong/schemas';
import type { Producer } from 'kafkajs';

export const PAYMENT_EVENT_TYPE = 'vn.lienthong.payment.v1';

/** The CloudEvents id of an outbox row: stable, so a copy published again is known by its id. */
export const paymentEventId = (id: string): string => `lienthong-payment-event-${id}`;

const published = new Counter({
  name: 'lienthong_payment_events_published_total',
  help: 'payment.v1 events published from the outbox (payment_events); a crash between publish and mark publishes one again',
  registers: [metricsRegistry],
});

const BATCH = 500;
const EVERY_MS = 1000;

interface OutboxRow {
  id: string;
  dossier_code: string;
  event: PaymentEvent;
  created_at: Date;
}

/**
 * Publishes the outbox (`payment_events`) to payment.v1 in id order, key = dossier code, then marks the
 * rows published. Every EVERY_MS and at `runNow()`; one replica at a time (an advisory lock), so the
 * events of a dossier keep their order. At-least-once: a crash between the send and the mark sends the
 * rows again, with the same `ce_id`. Ids are taken before commit, so a lower id may commit after a higher
 * one was sent and be sent after it; never within a payment, whose changes are serialized by its row lock.
 * Creates the topic (Topics.paymentSpec) at start.
 */
export class PaymentEventRelay implements ManagedService {
  private readonly locks: AdvisoryLocks;
  private readonly task: PeriodicTask;
  private producer?: Producer;

  constructor(
    private readonly database: Database,
    private readonly kafka: KafkaConnection,
    private readonly topic: TopicSpec,
  ) {
    this.locks = database.locks();
    this.task = new PeriodicTask({
      name: 'payment-event-relay',
      everyMs: EVERY_MS,
      run: () => this.relay(),
    });
  }

  async start(): Promise<void> {
    await this.kafka.ensureTopics([this.topic]);
    this.producer = await this.kafka.producer();
    await this.task.start();
  }

  async stop(): Promise<void> {
    await this.task.stop();
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  /**
   * Publishes what is waiting now (after a change), without waiting for the next turn. Before start
   * (deliveries and callbacks may come first), nothing: the first turn after start publishes it.
   */
  async runNow(): Promise<void> {
    if (this.producer) await this.task.runNow();
  }

  /** Publishes everything unpublished; answers how many it published (0 when another replica relays). */
  async relay(): Promise<number> {
    const run = await this.locks.tryHold('payment-event-relay', 'payment', () => this.relayAlone());
    return run.held ? run.result : 0;
  }

  private async relayAlone(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.database.query<OutboxRow>(
        `SELECT id, dossier_code, event, created_at FROM payment_events
         WHERE published_at IS NULL ORDER BY id LIMIT $1`,
        [BATCH],
      );
      if (rows.length === 0) return total;
      if (!this.producer) throw new Error('the payment event relay is not started');
      await this.kafka.send(
        this.producer,
        rows.map((row) => this.recordOf(row)),
      );
      await this.database.query('UPDATE payment_events SET published_at = now() WHERE id = ANY($1)', [
        rows.map((row) => row.id),
      ]);
      published.inc(rows.length);
      total += rows.length;
    }
  }

  private recordOf(row: OutboxRow): OutgoingRecord {
    return {
      topic: this.topic.name,
      key: row.dossier_code,
      value: JSON.stringify(row.event),
      headers: cloudEventHeaders({
        id: paymentEventId(row.id),
        source: 'lienthong/connector/payment',
        type: PAYMENT_EVENT_TYPE,
        time: row.created_at.toISOString(),
        subject: row.dossier_code,
      }),
    };
  }
}
