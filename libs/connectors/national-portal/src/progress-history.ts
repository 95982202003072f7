import type { Database } from '@lienthong/database';
import type { DossierEvent, PortalProgress } from '@lienthong/schemas';

/** One step of a dossier's status history at the portal: the progress record sent for one event. */
export interface SentStep {
  sourceSystem: string;
  sourceEventId: string;
  sequence: number;
  record: PortalProgress;
}

/** A step as the history holds it now: false `atPortal` while it is owed to the portal. */
export interface RecordedStep extends SentStep {
  atPortal: boolean;
}

/** In the order the portal must hold them: by the dossier's sequence, then as first sent. */
const IN_ORDER = 'ORDER BY sequence, sent_at, source_system, source_event_id';

/**
 * The progress records (CapNhatTienDoHoSoMC) the portal connector sent, each as first sent: a dossier's
 * status history, which a reconciliation sends again when the portal lost the dossier or some of its
 * steps. A step is owed (`at_portal` false) from the moment the portal is found to lack it until it is
 * sent again, so a restore cut short resumes and a finished one is not repeated.
 */
export class ProgressHistory {
  constructor(private readonly database: Database) {}

  /** Notes steps the portal accepted; a step sent again keeps its first record and is at the portal. */
  async recordSent(steps: { dossier: DossierEvent; record: PortalProgress }[]): Promise<void> {
    if (steps.length === 0) return;
    const provenance = steps.map(({ dossier }) => dossier.provenance);
    await this.database.query(
      `INSERT INTO portal_progress_sent (dossier_code, source_system, source_event_id, sequence, record)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::jsonb[])
       ON CONFLICT (dossier_code, source_system, source_event_id) DO UPDATE SET at_portal = true`,
      [
        steps.map(({ dossier }) => dossier.dossierCode),
        provenance.map((event) => event.sourceSystem),
        provenance.map((event) => event.sourceEventId),
        provenance.map((event) => event.sequence),
        steps.map(({ record }) => JSON.stringify(record)),
      ],
    );
  }

  /** Of these dossiers, those with steps owed to the portal (a restore not finished). */
  async owedAmong(dossierCodes: string[]): Promise<Set<string>> {
    if (dossierCodes.length === 0) return new Set();
    const rows = await this.database.query<{ dossier_code: string }>(
      `SELECT DISTINCT dossier_code FROM portal_progress_sent
       WHERE NOT at_portal AND dossier_code = ANY($1::text[])`,
      [dossierCodes],
    );
    return new Set(rows.map((row) => row.dossier_code));
  }

  /** The dossier's steps, in order. */
  async stepsOf(dossierCode: string): Promise<RecordedStep[]> {
    const rows = await this.database.query<{
      source_system: string;
      source_event_id: string;
      sequence: string;
      record: PortalProgress;
      at_portal: boolean;
    }>(
      `SELECT source_system, source_event_id, sequence, record, at_portal FROM portal_progress_sent
       WHERE dossier_code = $1 ${IN_ORDER}`,
      [dossierCode],
    );
    return rows.map((row) => ({
      sourceSystem: row.source_system,
      sourceEventId: row.source_event_id,
      sequence: Number(row.sequence),
      record: row.record,
      atPortal: row.at_portal,
    }));
  }

  /** Marks these steps of the dossier as owed to the portal (it lost them). */
  async markOwed(dossierCode: string, steps: SentStep[]): Promise<void> {
    await this.mark(dossierCode, steps, false);
  }

  /** Marks these steps of the dossier as at the portal again. */
  async markAtPortal(dossierCode: string, steps: SentStep[]): Promise<void> {
    await this.mark(dossierCode, steps, true);
  }

  private async mark(dossierCode: string, steps: SentStep[], atPortal: boolean): Promise<void> {
    if (steps.length === 0) return;
    await this.database.query(
      `UPDATE portal_progress_sent SET at_portal = $4
       WHERE dossier_code = $1
         AND (source_system, source_event_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [
        dossierCode,
        steps.map((step) => step.sourceSystem),
        steps.map((step) => step.sourceEventId),
        atPortal,
      ],
    );
  }
}

/**
 * The steps a portal holding the dossier at `heldStatus` lacks: those after the first step with that
 * status (its record moves with the steps, so it stopped there), all of them when no step had it. A
 * status entered twice (4 → 5 → 4) counts from its first time: a step sent twice scores the same at
 * the portal, a step missing does not.
 */
export function stepsAfterStatus<Step extends SentStep>(
  steps: Step[],
  heldStatus: string | undefined,
): Step[] {
  const stoppedAt = steps.findIndex((step) => step.record.TrangThai === heldStatus);
  return steps.slice(stoppedAt + 1);
}
