import { Presets, SingleBar } from 'cli-progress';
import Table from 'cli-table3';

/** Where the CLI writes: the terminal, or a test's capture. */
export interface CliOutput {
  out(text: string): void;
  /** What went wrong, for people (standard error: standard output keeps the answer or the JSON). */
  error(text: string): void;
  table(rows: object[]): void;
  /** A progress bar on the terminal (standard error); tests pass one that records. */
  progress(total: number, doing: string): { update(done: number): void; stop(): void };
}

/** Rows as a plain table with a header of the rows' own keys, one column each, no index column. */
export function renderTable(rows: object[]): string {
  const head = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const table = new Table({
    head,
    // No colours (pipes and logs stay plain) and no rule between rows (a long listing stays compact).
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) {
    const cells = row as Record<string, unknown>;
    table.push(head.map((name) => cellText(cells[name])));
  }
  return table.toString();
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export const terminal: CliOutput = {
  out: (text) => console.log(text),
  error: (text) => console.error(text),
  table: (rows) => console.log(rows.length === 0 ? '(none)' : renderTable(rows)),
  progress(total, doing) {
    const bar = new SingleBar({ format: `${doing} {bar} {value}/{total}` }, Presets.shades_classic);
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  },
};
