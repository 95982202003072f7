import { Counter, createLogger, metricsRegistry } from '@lienthong/observability';
import type { ManagedService } from './managed-services';
import { sleep } from './sleep';

const logger = createLogger('periodic-task');

const runs = new Counter({
  name: 'lienthong_periodic_task_runs_total',
  help: 'Runs of periodic tasks (pollers, schedules, reports), by task and outcome (ok, failed, busy)',
  labelNames: ['task', 'outcome'] as const,
  registers: [metricsRegistry],
});

export interface PeriodicTaskOptions {
  /** Names the task in logs and in `lienthong_periodic_task_runs_total{task}`. */
  name: string;
  /** 0 or less: the task is off, it runs only when asked (`runNow`). */
  everyMs: number;
  /** Spreads each wait by up to this share of `everyMs` (0.1 = ±10%), so replicas do not run in step. */
  jitter?: number;
  /** Runs once right at start, not only after the first wait. */
  runAtStart?: boolean;
  /** One run; `signal` aborts when the task stops. A throw is logged and counted, never stops the task. */
  run: (signal: AbortSignal) => Promise<unknown>;
  /**
   * Whether a throw only says someone else is at it (another replica, an operator): that turn had
   * nothing to do, which is no failure (logged at info, counted as busy).
   */
  busy?: (error: unknown) => boolean;
}

/**
 * Something done every so often (a poller, a schedule, a report): never two runs at once, the timer
 * never keeps the process alive, and `stop()` returns once the run in flight has finished.
 */
export class PeriodicTask implements ManagedService {
  private readonly stopping = new AbortController();
  private loop?: Promise<void>;
  private inFlight?: Promise<void>;

  constructor(private readonly options: PeriodicTaskOptions) {}

  async start(): Promise<void> {
    if (this.options.everyMs <= 0) return;
    this.loop ??= this.keepRunning();
  }

  /** Runs now (or joins the run in flight), outside the schedule: an operator's "run it now". */
  runNow(): Promise<void> {
    this.inFlight ??= this.runOnce().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    await this.inFlight;
  }

  private async keepRunning(): Promise<void> {
    const { signal } = this.stopping;
    if (this.options.runAtStart && !signal.aborted) await this.runNow();
    while (!signal.aborted) {
      await sleep(this.nextWaitMs(), signal);
      if (!signal.aborted) await this.runNow();
    }
  }

  private async runOnce(): Promise<void> {
    const { name, run } = this.options;
    try {
      await run(this.stopping.signal);
      runs.inc({ task: name, outcome: 'ok' });
    } catch (error) {
      if (this.options.busy?.(error)) {
        runs.inc({ task: name, outcome: 'busy' });
        logger.info({ task: name }, `${name} skipped: ${(error as Error).message}`);
        return;
      }
      runs.inc({ task: name, outcome: 'failed' });
      logger.error({ err: error, task: name }, `${name} failed; it runs again on schedule`);
    }
  }

  private nextWaitMs(): number {
    const { everyMs, jitter = 0 } = this.options;
    return Math.max(0, everyMs * (1 + jitter * (2 * Math.random() - 1)));
  }
}
