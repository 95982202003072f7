import { PeriodicTask, type ManagedService } from '@lienthong/bootstrap';
import { createLogger } from '@lienthong/observability';
import { PaymentReconciliationBusyError, type PaymentReconciler } from './payment-reconciler';

/** Reconciles payments every PAYMENT_RECONCILE_EVERY_S; of all replicas, the one that finds no run going on does it. */
export class PaymentReconcileSchedule implements ManagedService {
  private readonly logger = createLogger('payment-reconciliation');
  private readonly task: PeriodicTask;

  constructor(
    private readonly reconciler: PaymentReconciler,
    private readonly everyS: number,
  ) {
    this.task = new PeriodicTask({
      name: 'payment-reconciliation',
      everyMs: everyS * 1000,
      run: () => this.reconcile(),
    });
  }

  async start(): Promise<void> {
    if (this.everyS <= 0) return;
    await this.task.start();
  }

  async stop(): Promise<void> {
    await this.task.stop();
  }

  private async reconcile(): Promise<void> {
    try {
      await this.reconciler.run();
    } catch (error) {
      // Another replica is reconciling: this turn has nothing to do, which is no failure.
      if (!(error instanceof PaymentReconciliationBusyError)) throw error;
      this.logger.debug('payment reconciliation skipped: ' + error.message);
    }
  }
}
