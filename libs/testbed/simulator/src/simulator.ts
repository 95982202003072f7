import { PeriodicTask } from '@lienthong/bootstrap';
import type { KafkaConnection, OutgoingRecord, Topics } from '@lienthong/kafka';
import { newTraceparent } from '@lienthong/kafka';
import { createLogger } from '@lienthong/observability';
import type { MotcuaEvent } from '@lienthong/schemas';
import type { Producer } from 'kafkajs';
import { motcuaLifecycle } from './motcua-lifecycle';
import { SIMULATED_SYSTEMS } from './source-formats';
import type { SimulatorConfig } from './simulator.config';

const TICK_MS = 1000;
const REPORT_EVERY_TICKS = 15;

interface RunningDossier {
  system: (typeof SIMULATED_SYSTEMS)[number];
  events: MotcuaEvent[];
}

/**
 * Plays the city's sector systems: starts new dossiers every second, spread over the three systems,
 * and moves each running dossier one step along its lifecycle per second, publishing each to its
 * system's topic in that system's own format.
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
  private published = 0;
  private started = 0;
  private ticks = 0;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly topics: Topics,
    private readonly config: SimulatorConfig,
  ) {}

  async start(): Promise<void> {
    if (this.config.LIENTHONG_SIMULATOR === 'off') return;
    await this.kafka.ensureTopics(
      SIMULATED_SYSTEMS.map(({ system }) => ({ name: this.topics.source(system) })),
    );
    this.producer = await this.kafka.producer();
    await this.ticking.start();
    this.logger.info(
      {
        systems: SIMULATED_SYSTEMS.map(({ system }) => system),
        perSecond: this.config.SIMULATOR_DOSSIERS_PER_SECOND,
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
      this.running.push({
        system,
        // Received over the last five weeks, so by now some are settled, some late, some still open.
        events: motcuaLifecycle(
          serial,
          Date.now() - Math.floor(Math.random() * 35 * 86_400_000),
          Math.random,
          system.system,
        ),
      });
      this.started++;
    }
    const records: OutgoingRecord[] = [];
    for (const { system, events } of this.running) {
      const event = events.shift()!;
      records.push({
        topic: this.topics.source(system.system),
        key: event.hoSo.maHoSo,
        value: system.encode(event).value,
        headers: { traceparent: newTraceparent() },
      });
    }
    this.running.splice(0, this.running.length, ...this.running.filter(({ events }) => events.length > 0));
    await this.kafka.send(this.producer!, records);
    this.published += records.length;
    if (++this.ticks % REPORT_EVERY_TICKS === 0) {
      this.logger.info(
        { dossiers: this.started, events: this.published, inFlight: this.running.length },
        'simulator progress',
      );
    }
  }
}
