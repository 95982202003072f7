import type { CliContext } from './cli-context';
import { withProgress } from './cli-context';

/** A terminal that records what its bars were told, and whether --json is on. */
function terminalOf(json: boolean) {
  const told: string[] = [];
  const context: Pick<CliContext, 'io' | 'json'> = {
    io: {
      out: () => undefined,
      error: () => undefined,
      table: () => undefined,
      progress: (total, doing) => {
        told.push(`start ${doing} 0/${total}`);
        return { update: (done) => told.push(`update ${done}`), stop: () => told.push('stop') };
      },
    },
    json: () => json,
  };
  return { context, told };
}

describe(withProgress.name, () => {
  it('shows a bar from the first report, follows the reports and takes it down at the end', async () => {
    const { context, told } = terminalOf(false);

    const sut = await withProgress(context, 'counting', async (report) => {
      report(0, 2);
      report(1, 2);
      report(2, 2);
      return 'done';
    });

    expect(sut).toBe('done');
    expect(told).toEqual(['start counting 0/2', 'update 1', 'update 2', 'stop']);
  });

  it('takes the bar down when the work fails', async () => {
    const { context, told } = terminalOf(false);

    const sut = withProgress(context, 'counting', async (report) => {
      report(1, 3);
      throw new Error('broken');
    });

    await expect(sut).rejects.toThrow('broken');
    expect(told).toEqual(['start counting 0/3', 'update 1', 'stop']);
  });

  it('shows no bar when nothing is reported, nor under --json', async () => {
    const quiet = terminalOf(false);
    const json = terminalOf(true);

    await withProgress(quiet.context, 'counting', async () => undefined);
    await withProgress(json.context, 'counting', async (report) => report(1, 1));

    expect(quiet.told).toEqual([]);
    expect(json.told).toEqual([]);
  });
});
