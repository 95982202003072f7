import type { ManagedService } from '@lienthong/bootstrap';
import { createLogger } from '@lienthong/observability';
import { ReconciliationBusyError, type Reconciler } from './reconciler';

/** Reconciles the recent window on a timer; of all replicas, the one that finds no run going on does it. */
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
      .catch((error: unknown) => {
        if (error instanceof ReconciliationBusyError)
          this.logger.info('reconciliation skipped: ' + error.message);
        else this.logger.error({ err: error }, 'scheduled reconciliation failed');
      })
      .finally(() => (this.running = undefined));
  }
}
