import {
  createdAtTarget,
  inParallel,
  targetStatesOf,
  type Amendments,
  type TargetDossierState,
} from '@lienthong/connector-runtime';
import type { AdvisoryLocks, Database } from '@lienthong/database';
import { LienthongError } from '@lienthong/errors';
import { Counter, createLogger, Gauge, metricsRegistry } from '@lienthong/observability';
import type { PortalDossier } from '@lienthong/schemas';
import { AlreadyExistsError, type PortalClient } from '../portal-client';
import { PROGRESS_CHUNK_SIZE } from '../portal.contract';
import { PortalConnector } from '../portal.connector';
import { ProgressHistory, stepsAfterStatus, type RecordedStep } from '../progress-history';
import { differingFields, type DriftFound, type ReconciliationReport } from './reconciliation-report';

export interface ReconcileOptions {
  since?: Date;
  /** Only this dossier (an operator's re-sync); `since` does not apply then. */
  dossierCode?: string;
  trigger: ReconciliationReport['trigger'];
  /** Called once with the total, then after each dossier checked. */
  onProgress?: (checked: number, total: number) => void;
}

const PARALLEL_LOOKUPS = 8;

/** Another replica (or an operator's CLI) is reconciling now: one run at a time across all of them. */
export class ReconciliationBusyError extends LienthongError {
  constructor() {
    super(
      'RECONCILIATION_BUSY',
      'another reconciliation with the portal is running (on another replica or from the CLI)',
      { retriable: true },
    );
  }
}

const runs = new Counter({
  name: 'lienthong_reconciliation_runs_total',
  help: 'Reconciliation runs with the portal, by trigger (schedule, operator)',
  labelNames: ['connector', 'trigger'],
  registers: [metricsRegistry],
});
const driftsFound = new Counter({
  name: 'lienthong_reconciliation_drift_total',
  help: 'Dossiers found missing or differing at the portal, by outcome (restored, superseded, failed)',
  labelNames: ['connector', 'drift', 'outcome'],
  registers: [metricsRegistry],
});
const lastRun = new Gauge({
  name: 'lienthong_reconciliation_last_run_timestamp_seconds',
  help: 'When the last reconciliation run finished (Unix seconds)',
  labelNames: ['connector'],
  registers: [metricsRegistry],
});

/**
 * Compares what the ledger says the portal holds with what TraCuuHoSo answers, and re-sends what is
 * missing or differs; the portal sync then heals itself from drift made at the portal side. One run at
 * a time across every replica; a re-send goes the way a delivery goes (the connector's amendments).
 */
export class Reconciler {
  private readonly connector = PortalConnector.connectorName;
  private readonly logger = createLogger('reconciliation', { connector: this.connector });
  private readonly locks: AdvisoryLocks;

  constructor(
    private readonly portal: PortalClient,
    private readonly database: Database,
    private readonly amendments: Amendments,
    private readonly history = new ProgressHistory(database),
  ) {
    this.locks = database.locks();
  }

  /** Throws ReconciliationBusyError when a run is going on elsewhere. */
  async run(options: ReconcileOptions): Promise<ReconciliationReport> {
    const run = await this.locks.tryHold('reconciliation', this.connector, () => this.runAlone(options));
    if (!run.held) throw new ReconciliationBusyError();
    return run.result;
  }

  private async runAlone(options: ReconcileOptions): Promise<ReconciliationReport> {
    const startedAt = new Date();
    const rows = await this.toCheck(options);
    const owingSteps = await this.history.owedAmong(rows.map((row) => row.dossierCode));
    options.onProgress?.(0, rows.length);
    const drifts: DriftFound[] = [];
    let checked = 0;
    await inParallel(rows, PARALLEL_LOOKUPS, async (row) => {
      const drift = await this.check(row, owingSteps.has(row.dossierCode));
      if (drift) drifts.push(drift);
      checked += 1;
      options.onProgress?.(checked, rows.length);
    });
    const report: ReconciliationReport = {
      connector: this.connector,
      trigger: options.trigger,
      since: options.dossierCode === undefined ? (options.since?.toISOString() ?? null) : null,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      checked,
      missing: drifts.filter(({ drift }) => drift === 'missing').length,
      differing: drifts.filter(({ drift }) => drift === 'differing').length,
      restored: drifts.filter(({ outcome }) => outcome === 'restored').length,
      failed: drifts.filter(({ outcome }) => outcome === 'failed').length,
      drifts: drifts.sort((a, b) => a.dossierCode.localeCompare(b.dossierCode)),
    };
    await this.record(report);
    runs.inc({ connector: this.connector, trigger: report.trigger });
    for (const found of report.drifts) {
      driftsFound.inc({ connector: this.connector, drift: found.drift, outcome: found.outcome });
    }
    lastRun.set({ connector: this.connector }, Date.now() / 1000);
    this.logger.info(
      {
        trigger: report.trigger,
        since: report.since,
        checked: report.checked,
        missing: report.missing,
        differing: report.differing,
        restored: report.restored,
        failed: report.failed,
      },
      report.failed > 0 ? 'reconciliation left drift unrestored' : 'reconciliation done',
    );
    return report;
  }

  /** What the ledger says the portal was given (created there): one dossier's, or the window's. */
  private async toCheck(options: ReconcileOptions): Promise<TargetDossierState[]> {
    if (options.dossierCode === undefined) {
      return createdAtTarget(this.database, this.connector, options.since);
    }
    const states = await targetStatesOf(this.database, options.dossierCode);
    return states.filter((state) => state.connector === this.connector && state.created);
  }

  /** A dossier drifted when the portal lacks it, holds another record, or is still owed steps of a restore. */
  private async check(row: TargetDossierState, owingSteps: boolean): Promise<DriftFound | undefined> {
    const { dossierCode } = row;
    let drift: DriftFound | undefined;
    try {
      const held = await this.portal.lookup(dossierCode);
      const fields = held ? differingFields({ ...(row.record as PortalDossier) }, { ...held }) : [];
      const recordDrifted = !held || fields.length > 0;
      if (!recordDrifted && !owingSteps) return undefined;
      drift = { dossierCode, drift: held ? 'differing' : 'missing', fields, outcome: 'failed', steps: 0 };
      drift.outcome = await this.restore(row, held, recordDrifted, drift);
    } catch (error) {
      drift ??= { dossierCode, drift: 'missing', fields: [], outcome: 'failed' };
      drift.error = (error as Error).message;
      this.logger.warn({ dossierCode, err: error }, 'could not reconcile dossier');
    }
    return drift;
  }

  /**
   * Re-sends the last record sent and then the status steps the portal lacks, in order, in the dossier's
   * turn and through the target policy. The lost steps are noted as owed first: a restore cut short
   * resumes at the next run. A newer delivery since the check leaves the record alone (the portal then
   * holds what is current); the steps it lost before are still owed.
   */
  private async restore(
    row: TargetDossierState,
    held: PortalDossier | undefined,
    recordDrifted: boolean,
    drift: DriftFound,
  ): Promise<DriftFound['outcome']> {
    const code = row.dossierCode;
    const outcomes = await this.amendments.amend(
      [code],
      async (previous) => {
        // Read once in the dossier's turn: nothing else writes its history until the turn ends.
        const steps = await this.history.stepsOf(code);
        const owed = recordDrifted
          ? await this.noteLostSteps(row, held, steps)
          : steps.filter((step) => !step.atPortal);
        if (previous.lastSequence !== row.lastSequence) return undefined;
        const answer = recordDrifted
          ? await this.resend(previous.record as PortalDossier, held !== undefined)
          : undefined;
        drift.steps = await this.resendOwedSteps(code, owed);
        return { state: previous, answer };
      },
      async () => undefined,
    );
    const amended = outcomes.get(code)!;
    if (amended.outcome === 'refused') throw amended.error;
    return amended.outcome === 'amended' ? 'restored' : 'superseded';
  }

  /**
   * Notes as owed the steps the portal lost: every step when it lost the dossier; when its status there
   * fell behind, the steps after it. Answers the dossier's steps owed now (those owed before too), in order.
   */
  private async noteLostSteps(
    row: TargetDossierState,
    held: PortalDossier | undefined,
    steps: RecordedStep[],
  ): Promise<RecordedStep[]> {
    const sent = steps.filter((step) => step.sequence <= row.lastSequence);
    const lost = new Set(held ? stepsAfterStatus(sent, held.TrangThaiHoSo) : sent);
    await this.history.markOwed(row.dossierCode, [...lost]);
    return steps.filter((step) => !step.atPortal || lost.has(step));
  }

  /** The owed steps in order, a chunk at a time, each noted at the portal once it took it. */
  private async resendOwedSteps(dossierCode: string, owed: RecordedStep[]): Promise<number> {
    for (let start = 0; start < owed.length; start += PROGRESS_CHUNK_SIZE) {
      const chunk = owed.slice(start, start + PROGRESS_CHUNK_SIZE);
      await this.portal.updateProgress(chunk.map((step) => step.record));
      await this.history.markAtPortal(dossierCode, chunk);
    }
    return owed.length;
  }

  private async resend(record: PortalDossier, held: boolean): Promise<unknown> {
    try {
      return await this.portal.syncDossiers([record], held);
    } catch (error) {
      if (held || !(error instanceof AlreadyExistsError)) throw error;
      return this.portal.syncDossiers([record], true);
    }
  }

  private async record(report: ReconciliationReport): Promise<void> {
    await this.database.query(
      `INSERT INTO reconciliation_runs (connector, trigger, since, started_at, finished_at, checked, missing,
         differing, restored, failed, report)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        report.connector,
        report.trigger,
        report.since,
        report.startedAt,
        report.finishedAt,
        report.checked,
        report.missing,
        report.differing,
        report.restored,
        report.failed,
        JSON.stringify(report),
      ],
    );
  }
}
