import { PeriodicTask } from '@lienthong/bootstrap';
import type { KafkaConnection, OutgoingRecord, Topics } from '@lienthong/kafka';
import { newTraceparent } from '@lienthong/kafka';
import { createLogger } from '@lienthong/observability';
import type { MotcuaEvent, PaymentRequest } from '@lienthong/schemas';
import type { Producer } from 'kafkajs';
import { motcuaLifecycle } from './motcua-lifecycle';
import { paymentRequestOf, type PlannedPayment } from './payment-requests';
import { SIMULATED_SYSTEMS } from './source-formats';
import type { SimulatorConfig } from './simulator.config';

const TICK_MS = 1000;
const REPORT_EVERY_TICKS = 15;
/** The sector system whose citizens pay online through Lienthong today (SOURCES.md, Payment requests). */
const PAYING_SYSTEM = 'motcua';
/**
 * Payment requests sent a second time on the next tick, as a sector system does when it did not see
 * its first send acknowledged: the same requestId, which must stay one payment.
 */
const REPEATED_REQUEST_SHARE = 0.03;

interface RunningDossier {
  system: (typeof SIMULATED_SYSTEMS)[number];
  events: MotcuaEvent[];
  payment?: PlannedPayment;
}

/**
 * Plays the city's sector systems: starts new dossiers every second, spread over the three systems,
 * and moves each running dossier one step along its lifecycle per second, publishing each to its
 * system's topic in that system's own format. A share of the one-stop dossiers with fees are paid
 * online: their payment request follows the event at which the citizen pays.
 */
export class Simulator {
  private readonly logger = createLogger('simulator');
  private readonly running: RunningDossier[] = [];
  private producer?: Producer;
  private readonly ticking = new PeriodicTask({
    name: 'simulator',
    everyMs: TICK_MS,
    run: () => this.tick(),
  });
  private serial = Math.floor(Math.random() * 5000) + 1000;
  private readonly repeats: PaymentRequest[] = [];
  private published = 0;
  private paymentRequests = 0;
  private started = 0;
  private ticks = 0;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly topics: Topics,
    private readonly config: SimulatorConfig,
  ) {}

  async start(): Promise<void> {
    if (this.config.LIENTHONG_SIMULATOR === 'off') return;
    await this.kafka.ensureTopics([
      ...SIMULATED_SYSTEMS.map(({ system }) => ({ name: this.topics.source(system) })),
      { name: this.topics.paymentRequests(PAYING_SYSTEM) },
    ]);
    this.producer = await this.kafka.producer();
    await this.ticking.start();
    this.logger.info(
      {
        systems: SIMULATED_SYSTEMS.map(({ system }) => system),
        perSecond: this.config.SIMULATOR_DOSSIERS_PER_SECOND,
        paymentShare: this.config.SIMULATOR_PAYMENT_SHARE,
      },
      'simulator started',
    );
  }

  async stop(): Promise<void> {
    await this.ticking.stop();
  }

  private async tick(): Promise<void> {
    for (let i = 0; i < this.config.SIMULATOR_DOSSIERS_PER_SECOND; i++) {
      const serial = ++this.serial;
      const system = SIMULATED_SYSTEMS[serial % SIMULATED_SYSTEMS.length];
      // Received over the last five weeks, so by now some are settled, some late, some still open.
      const received = Date.now() - Math.floor(Math.random() * 35 * 86_400_000);
      const events = motcuaLifecycle(serial, received, Math.random, system.system);
      const paysOnline =
        system.system === PAYING_SYSTEM && Math.random() < this.config.SIMULATOR_PAYMENT_SHARE;
      this.running.push({ system, events, payment: paysOnline ? paymentRequestOf(events) : undefined });
      this.started++;
    }
    const records = this.repeats.splice(0).map((request) => this.paymentRecord(request));
    for (const { system, events, payment } of this.running) {
      const event = events.shift()!;
      records.push({
        topic: this.topics.source(system.system),
        key: event.hoSo.maHoSo,
        value: system.encode(event).value,
        headers: { traceparent: newTraceparent() },
      });
      if (payment?.afterVersion === event.version) {
        records.push(this.paymentRecord(payment.request));
        if (Math.random() < REPEATED_REQUEST_SHARE) this.repeats.push(payment.request);
      }
    }
    this.running.splice(0, this.running.length, ...this.running.filter(({ events }) => events.length > 0));
    await this.kafka.send(this.producer!, records);
    this.published += records.length;
    if (++this.ticks % REPORT_EVERY_TICKS === 0) {
      this.logger.info(
        {
          dossiers: this.started,
          events: this.published,
          paymentRequests: this.paymentRequests,
          inFlight: this.running.length,
        },
        'simulator progress',
      );
    }
  }

  private paymentRecord(request: PaymentRequest): OutgoingRecord {
    this.paymentRequests++;
    return {
      topic: this.topics.paymentRequests(PAYING_SYSTEM),
      key: request.dossierCode,
      value: JSON.stringify(request),
      headers: { traceparent: newTraceparent() },
    };
  }
}
