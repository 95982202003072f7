import { readConfig } from '@lienthong/config';
import { connectorRuntimeConfigSpec, standaloneAmendments } from '@lienthong/connector-runtime';
import { Database, databaseConfigSpec } from '@lienthong/database';
import {
  PortalClient,
  PortalConnector,
  portalConfigSpec,
  Reconciler,
  type ReconciliationReport,
} from '@lienthong/national-portal';
import { Presets, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';

function parseDate(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError(`not a date: ${value}`);
  return date;
}

function print(report: ReconciliationReport): void {
  if (report.drifts.length > 0) {
    console.table(
      report.drifts.map((drift) => ({
        dossier: drift.dossierCode,
        drift: drift.drift,
        fields: drift.fields.join(', ') || '-',
        outcome: drift.outcome,
        error: drift.error ?? '',
      })),
    );
  }
  console.log(
    `checked ${report.checked} dossiers: ${report.missing} missing and ${report.differing} differing at the portal; ` +
      `${report.restored} restored, ${report.failed} failed`,
  );
}

/** npm run reconcile -- [--since DATE] [--json] */
const program = new Command('reconcile')
  .description(
    'Compares what the national-portal connector delivered with what TraCuuHoSo answers and re-sends what is missing or differs.',
  )
  .option('--since <date>', 'only dossiers delivered since this date (ISO 8601)', parseDate)
  .option('--json', 'print the report as JSON')
  .action(async (options: { since?: Date; json?: boolean }) => {
    const config = readConfig({ ...portalConfigSpec, ...databaseConfigSpec, ...connectorRuntimeConfigSpec });
    const database = new Database(config);
    // Re-sends go the connector's way: each dossier's turn, the ledger, the rate limit and the breaker.
    const { amendments, close } = standaloneAmendments(PortalConnector.connectorName, database, config);
    const bar = new SingleBar(
      { format: 'reconciling {bar} {value}/{total} dossiers' },
      Presets.shades_classic,
    );
    try {
      await database.prepare();
      const report = await new Reconciler(new PortalClient(config), database, amendments).run({
        since: options.since,
        trigger: 'operator',
        onProgress: (checked, total) => (checked === 0 ? bar.start(total, 0) : bar.update(checked)),
      });
      bar.stop();
      if (options.json) console.log(JSON.stringify(report, null, 2));
      else print(report);
      process.exitCode = report.failed > 0 ? 1 : 0;
    } finally {
      bar.stop();
      await close();
      await database.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  console.error(`reconcile: ${(error as Error).message}`);
  process.exit(1);
});
