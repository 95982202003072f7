import { PeriodicTask, type ManagedService } from '@lienthong/bootstrap';
import { createLogger } from '@lienthong/observability';
import { ReconciliationBusyError, type Reconciler } from './reconciler';

/** Reconciles the recent window on a timer; of all replicas, the one that finds no run going on does it. */
export class ReconciliationSchedule implements ManagedService {
  private readonly logger = createLogger('reconciliation');
  private readonly task: PeriodicTask;

  constructor(
    private readonly reconciler: Reconciler,
    private readonly intervalMs: number,
    private readonly windowDays: number,
  ) {
    this.task = new PeriodicTask({
      name: 'reconciliation',
      everyMs: intervalMs,
      run: () => this.reconcile(),
    });
  }

  async start(): Promise<void> {
    if (this.intervalMs <= 0) return;
    await this.task.start();
  }

  async stop(): Promise<void> {
    await this.task.stop();
  }

  private async reconcile(): Promise<void> {
    const since = new Date(Date.now() - this.windowDays * 86_400_000);
    try {
      await this.reconciler.run({ since, trigger: 'schedule' });
    } catch (error) {
      // Another replica (or an operator) is reconciling: this turn has nothing to do, which is no failure.
      if (!(error instanceof ReconciliationBusyError)) throw error;
      this.logger.info('reconciliation skipped: ' + error.message);
    }
  }
}
