import type { ReconciliationReport } from '@lienthong/national-portal';
import { Command, InvalidArgumentError } from 'commander';
import { withProgress, type CliContext } from './cli-context';

function parseDate(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError(`not a date: ${value}`);
  return date;
}

/** `reconcile [--since DATE | --dossier CODE]`: the portal reconciliation on demand; exit 1 when a re-send failed. */
export function addReconcileCommand(program: Command, context: CliContext): void {
  const { io, env, print, fail } = context;
  program
    .command('reconcile')
    .description(
      'on the host: compares what the national-portal connector delivered with what TraCuuHoSo answers and re-sends what is missing or differs (DATABASE_URL, PORTAL_*); exit 1 if a re-send failed',
    )
    .option('--since <date>', 'only dossiers delivered since this date (ISO 8601)', parseDate)
    .option('--dossier <code>', "only this dossier: the console's re-sync, from the host")
    .action(async (options: { since?: Date; dossier?: string }) => {
      const { reconcilePortal } = await import('./portal-reconciliation');
      const report: ReconciliationReport = await withProgress(context, 'reconciling dossiers', (onProgress) =>
        reconcilePortal(env, { since: options.since, dossierCode: options.dossier }, onProgress),
      );
      print(report, () => printReport(report, io));
      if (report.failed > 0) fail();
    });
}

function printReport(report: ReconciliationReport, io: CliContext['io']): void {
  if (report.drifts.length > 0) {
    io.table(
      report.drifts.map((drift) => ({
        dossier: drift.dossierCode,
        drift: drift.drift,
        fields: drift.fields.join(', ') || '-',
        // Status steps (progress records) sent again: what the national on-time score reads.
        steps: drift.steps ?? 0,
        outcome: drift.outcome,
        error: drift.error ?? '',
      })),
    );
  }
  io.out(
    `checked ${report.checked} dossiers: ${report.missing} missing and ${report.differing} differing at the portal; ` +
      `${report.restored} restored, ${report.failed} failed`,
  );
}
