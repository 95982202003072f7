import { PeriodicTask } from '@lienthong/bootstrap';
import { ReconciliationBusyError, type Reconciler } from './reconciler';

/** Reconciles the recent window on a timer; of all replicas, the one that finds no run going on does it. */
export const reconciliationSchedule = (reconciler: Reconciler, intervalMs: number, windowDays: number) =>
  new PeriodicTask({
    name: 'reconciliation',
    everyMs: intervalMs,
    run: () => reconciler.run({ since: new Date(Date.now() - windowDays * 86_400_000), trigger: 'schedule' }),
    busy: (error) => error instanceof ReconciliationBusyError,
  });
