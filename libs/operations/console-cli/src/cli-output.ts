import { Presets, SingleBar } from 'cli-progress';

/** Where the CLI writes: the terminal, or a test's capture. */
export interface CliOutput {
  out(text: string): void;
  table(rows: object[]): void;
  /** A progress bar on the terminal; tests pass one that records. */
  progress(total: number): { update(done: number): void; stop(): void };
}

export const terminal: CliOutput = {
  out: (text) => console.log(text),
  table: (rows) => console.table(rows),
  progress(total) {
    const bar = new SingleBar(
      { format: 'replaying {bar} {value}/{total} dead letters' },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  },
};
