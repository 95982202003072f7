import type { ManagedService } from '@lienthong/bootstrap';
import { createLogger } from '@lienthong/observability';
import type { Reconciler } from './reconciler';

/** Reconciles the recent window on a timer, one run at a time, inside the connector process. */
export class ReconciliationSchedule implements ManagedService {
  private readonly logger = createLogger('reconciliation');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly reconciler: Reconciler,
    private readonly intervalMs: number,
    private readonly windowDays: number,
  ) {}

  async start(): Promise<void> {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    const since = new Date(Date.now() - this.windowDays * 86_400_000);
    this.running = this.reconciler
      .run({ since, trigger: 'schedule' })
      .catch((error: unknown) => this.logger.error({ err: error }, 'scheduled reconciliation failed'))
      .finally(() => (this.running = undefined));
  }
}
