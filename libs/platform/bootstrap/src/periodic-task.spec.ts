import { metricsRegistry } from '@lienthong/observability';
import { PeriodicTask } from './periodic-task';

/** Resolves once `condition` holds, checking on every turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

async function runsCounted(task: string, outcome: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('lienthong_periodic_task_runs_total')!.get();
  return (
    metric.values.find((value) => value.labels.task === task && value.labels.outcome === outcome)?.value ?? 0
  );
}

describe('PeriodicTask', () => {
  it('runs at start and again on schedule, never two runs at once', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const task = new PeriodicTask({
      name: 'spec-schedule',
      everyMs: 1,
      runAtStart: true,
      run: async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        void task.runNow();
        running -= 1;
        runs += 1;
      },
    });
    await task.start();
    await until(() => runs >= 3);
    await task.stop();
    expect(most).toBe(1);
    expect(await runsCounted('spec-schedule', 'ok')).toBeGreaterThanOrEqual(3);
  });

  it('stop() waits for the run in flight and aborts its signal', async () => {
    let finished = false;
    let sawAbort = false;
    let started = false;
    const task = new PeriodicTask({
      name: 'spec-stop',
      everyMs: 60_000,
      runAtStart: true,
      run: async (signal) => {
        started = true;
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        sawAbort = signal.aborted;
        finished = true;
      },
    });
    await task.start();
    await until(() => started);
    await task.stop();
    expect(sawAbort).toBe(true);
    expect(finished).toBe(true);
  });

  it('logs and counts a failed run and keeps its schedule', async () => {
    let calls = 0;
    const task = new PeriodicTask({
      name: 'spec-failure',
      everyMs: 1,
      jitter: 0.5,
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('target down');
      },
    });
    await task.start();
    await until(() => calls >= 2);
    await task.stop();
    expect(await runsCounted('spec-failure', 'failed')).toBe(1);
    expect(await runsCounted('spec-failure', 'ok')).toBeGreaterThanOrEqual(1);
  });

  it('runNow() joins the run in flight', async () => {
    let calls = 0;
    let release!: () => void;
    const task = new PeriodicTask({
      name: 'spec-join',
      everyMs: 60_000,
      run: () => {
        calls += 1;
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    const first = task.runNow();
    const second = task.runNow();
    release();
    await Promise.all([first, second]);
    expect(calls).toBe(1);
    await task.stop();
  });

  it('counts a turn someone else was busy with as busy, not failed', async () => {
    class Busy extends Error {}
    const task = new PeriodicTask({
      name: 'spec-busy',
      everyMs: 60_000,
      run: async (signal) => {
        if (!signal.aborted) throw new Busy('another replica is at it');
      },
      busy: (error) => error instanceof Busy,
    });
    await task.runNow();
    expect(await runsCounted('spec-busy', 'busy')).toBe(1);
    expect(await runsCounted('spec-busy', 'failed')).toBe(0);
  });

  it('is off at every 0 ms: it never runs by itself, only when asked', async () => {
    let runs = 0;
    const task = new PeriodicTask({
      name: 'spec-off',
      everyMs: 0,
      runAtStart: true,
      run: async () => void (runs += 1),
    });
    await task.start();
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toBe(0);
    await task.runNow();
    expect(runs).toBe(1);
    await task.stop();
  });
});
