import { sleep } from '@lienthong/bootstrap';
import type { ConnectorControl, ReplicaReport } from '@lienthong/connector-control';
import { createLogger } from '@lienthong/observability';
import { OperatorPause } from './operator-pause';

/** The control table as a replica sees it: what an operator set, and what the replica reported. */
class ControlTable {
  paused = false;
  reports: ReplicaReport[] = [];
  async isPaused(): Promise<boolean> {
    return this.paused;
  }
  async report(replica: ReplicaReport): Promise<void> {
    this.reports.push(replica);
  }
}

function build() {
  const table = new ControlTable();
  const changes: boolean[] = [];
  const sut = new OperatorPause(
    table as unknown as ConnectorControl,
    'national-portal',
    20,
    createLogger('test'),
    {
      onChange: (paused) => changes.push(paused),
      report: async () => ({
        connector: 'national-portal',
        instance: 'replica-1',
        breaker: 'closed',
        lastError: null,
        startedAt: new Date(0).toISOString(),
      }),
    },
  );
  return { sut, table, changes };
}

describe(OperatorPause.name, () => {
  it('starts paused when an operator paused the connector before the restart', async () => {
    const { sut, table, changes } = build();
    table.paused = true;
    await sut.start();
    expect(sut.isPaused).toBe(true);
    expect(changes).toEqual([true]);
    await sut.stop();
  });

  it('follows the table on each poll and reports what it applied', async () => {
    const { sut, table, changes } = build();
    await sut.start();
    table.paused = true;
    await sleep(80);
    expect(sut.isPaused).toBe(true);
    table.paused = false;
    await sleep(80);
    expect(changes).toEqual([true, false]);
    expect(table.reports.some((report) => report.paused)).toBe(true);
    expect(table.reports.at(-1)).toMatchObject({ instance: 'replica-1', paused: false });
    await sut.stop();
  });

  it('holds work while paused and lets it go on resume', async () => {
    const { sut, table } = build();
    table.paused = true;
    await sut.start();
    let heartbeats = 0;
    let released = false;
    const waiting = sut.untilResumed(async () => void (heartbeats += 1)).then(() => (released = true));
    await sleep(300);
    expect(released).toBe(false);
    table.paused = false;
    await waiting;
    expect(heartbeats).toBeGreaterThan(0);
    await sut.stop();
  });
});
