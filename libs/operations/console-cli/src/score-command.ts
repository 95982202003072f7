import type { FetchReport } from '@lienthong/national-score';
import { Command, InvalidArgumentError } from 'commander';
import { withProgress, type CliContext } from './cli-context';

/**
 * `score fetch --period P`: one period of the national portal's published 766 scores, fetched and
 * stored now (DATABASE_URL, NATIONAL_SCORE_*); exit 1 when the fetch failed (a changed answer shape,
 * refusals to the end) or another fetch is going on.
 */
export function addScoreCommand(program: Command, context: CliContext): void {
  const { io, env, print, fail } = context;
  program
    .command('score')
    .description("the national portal's published 766 scores (NATIONAL_SCORE_*, DATABASE_URL)")
    .command('fetch')
    .description(
      'on the host: fetches one period of the national scoring data (all seven groups, every page) and stores what changed; exit 1 if the fetch failed',
    )
    .requiredOption('--period <period>', 'YYYY-MM (a month), YYYY-Qn (a quarter) or YYYY (a year)')
    .action(async (options: { period: string }) => {
      // Loaded only here: the CLI's other commands start without the poller, its client and the database.
      const { readConfig } = await import('@lienthong/config');
      const { Database, databaseConfigSpec } = await import('@lienthong/database');
      const { nationalScore, nationalScoreConfigSpec, parsePeriod } =
        await import('@lienthong/national-score');
      let period;
      try {
        period = parsePeriod(options.period);
      } catch (error) {
        throw new InvalidArgumentError((error as Error).message);
      }
      const config = readConfig({ ...nationalScoreConfigSpec, ...databaseConfigSpec }, env);
      if (!config.NATIONAL_SCORE_URL) {
        throw new InvalidArgumentError('NATIONAL_SCORE_URL is not set: where is the national scoring data?');
      }
      const database = new Database(config);
      let report: FetchReport;
      try {
        await database.prepare();
        report = await withProgress(context, `fetching ${period.key}: endpoints`, (onProgress) =>
          nationalScore(config, database).poller.fetch(period, { trigger: 'operator', onProgress }),
        );
      } finally {
        await database.close();
      }
      print(report, () => printReport(report, io));
      if (report.outcome === 'shape_error' || report.outcome === 'failed') fail();
    });
}

function printReport(report: FetchReport, io: CliContext['io']): void {
  if (report.changes.length > 0) {
    io.table(
      report.changes.map((change) => ({
        unit: change.code ?? change.departmentId,
        change: change.change,
        fields: change.fields?.join(', ') ?? '',
      })),
    );
  }
  const counted = `${report.period.key}: ${report.pages} pages, ${report.units} units`;
  io.out(report.error ? `${counted}: ${report.outcome}: ${report.error}` : `${counted}: ${report.outcome}`);
}
