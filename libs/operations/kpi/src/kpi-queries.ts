import type { Database } from '@lienthong/database';
import type { DossierFacts } from './dossier-facts';
import type { HeldDossier } from './national/drift-causes';
import { PORTAL_COLUMNS, portalFactsOfRow } from './national/portal-facts';
import { COLUMNS, FACT_COLUMNS, toFacts, type DossierRow } from './dossier-rows';
import { splitPeriod } from './period';
import { COUNTER_NAMES, countersOf, type DailyCounters, type ProcedureCounters } from './period-counts';

export interface OpenDossier {
  dossierCode: string;
  /** Masked: `V** T*** C**`. */
  applicant: string | null;
  procedureCode: string;
  status: number;
  receivedAt: string;
  dueAt: string | null;
  facts: DossierFacts;
}

/** The read model's reads: what the dashboard shows. */
export class KpiQueries {
  constructor(private readonly database: Database) {}

  /**
   * Sums per agency and procedure over [from, to] (local days): whole months from kpi_monthly, the
   * edge days from kpi_daily. A procedure may come twice (months and days); `periodCounts` adds them up.
   */
  async sums(from: string, to: string, agencyCode?: string): Promise<Map<string, ProcedureCounters[]>> {
    const { months, days } = splitPeriod(from, to);
    const select = (table: string, period: string) =>
      `SELECT agency_code, procedure_code,
       ${COUNTER_NAMES.map((name) => `sum(${COLUMNS[name]})::int AS "${name}"`).join(', ')}
       FROM ${table} WHERE ${period} BETWEEN $1 AND $2 AND ($3::text IS NULL OR agency_code = $3)
       GROUP BY agency_code, procedure_code`;
    const parts = await Promise.all([
      ...(months
        ? [
            this.database.query<Record<string, string>>(select('kpi_monthly', 'month'), [
              ...months,
              agencyCode ?? null,
            ]),
          ]
        : []),
      ...days.map((range) =>
        this.database.query<Record<string, string>>(select('kpi_daily', 'day'), [
          ...range,
          agencyCode ?? null,
        ]),
      ),
    ]);
    const byAgency = new Map<string, ProcedureCounters[]>();
    for (const row of parts.flat()) {
      const list = byAgency.get(row.agency_code) ?? [];
      list.push({ ...countersOf(row), procedureCode: row.procedure_code });
      byAgency.set(row.agency_code, list);
    }
    return byAgency;
  }

  /**
   * The dossiers received in [from, to] that were still open at `judgeAt`, unless finished on time (on
   * time at any period end): the only ones judged at query time. One finished late by then is overdue,
   * whatever else: it needs no judging.
   */
  async judged(from: string, to: string, judgeAt: number, agencyCode?: string): Promise<DossierFacts[]> {
    const rows = await this.database.query<DossierRow>(
      `SELECT ${FACT_COLUMNS} FROM kpi_dossiers
       WHERE NOT on_time_final AND received_day BETWEEN $1 AND $2 AND ($3::text IS NULL OR agency_code = $3)
         AND (end_at IS NULL OR end_at > $4)`,
      [from, to, agencyCode ?? null, new Date(judgeAt).toISOString()],
    );
    return rows.map(toFacts);
  }

  /** One agency's unfinished dossiers that are past their due date or asked for more than one supplement. */
  async openPastDue(agencyCode: string, now: number, limit: number): Promise<OpenDossier[]> {
    const rows = await this.database.query<DossierRow>(
      `SELECT ${FACT_COLUMNS} FROM kpi_dossiers
       WHERE agency_code = $1 AND end_at IS NULL
         AND (due_at < $2 OR greatest(supplement_entries, supplement_requests) > 1)
       ORDER BY due_at NULLS LAST LIMIT $3`,
      [agencyCode, new Date(now).toISOString(), limit],
    );
    return rows.map((row) => ({
      dossierCode: row.dossier_code,
      applicant: row.applicant_masked,
      procedureCode: row.procedure_code,
      status: row.status,
      receivedAt: row.received_at.toISOString(),
      dueAt: row.due_at?.toISOString() ?? null,
      facts: toFacts(row),
    }));
  }

  /**
   * These agencies' dossiers received in [from, to], each agency's in its own list, with the facts the
   * national drift's causes compare: one query for every agency an overview needs.
   */
  async heldDossiers(agencyCodes: string[], from: string, to: string): Promise<Map<string, HeldDossier[]>> {
    const rows = await this.database.query<Omit<HeldDossier, 'portal'> & Record<string, unknown>>(
      `SELECT agency_code, dossier_code, end_at IS NOT NULL AS finished, has_fees, paid_online, digitized,
         reused, vneid_verified, population_checked, ${PORTAL_COLUMNS}
       FROM kpi_dossiers WHERE agency_code = ANY($1::text[]) AND received_day BETWEEN $2 AND $3`,
      [agencyCodes, from, to],
    );
    const held = new Map<string, HeldDossier[]>(agencyCodes.map((code) => [code, []]));
    for (const row of rows) {
      held.get(row.agency_code as string)!.push({
        dossier_code: row.dossier_code,
        finished: row.finished,
        has_fees: row.has_fees,
        paid_online: row.paid_online,
        digitized: row.digitized,
        reused: row.reused,
        vneid_verified: row.vneid_verified,
        population_checked: row.population_checked,
        portal: portalFactsOfRow(row),
      });
    }
    return held;
  }

  /** Per day received: the sums of [from, to], for one agency or the city. */
  async daily(from: string, to: string, agencyCode?: string): Promise<(DailyCounters & { day: string })[]> {
    const rows = await this.database.query<Record<string, string>>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day,
       ${COUNTER_NAMES.map((name) => `sum(${COLUMNS[name]})::int AS "${name}"`).join(', ')}
       FROM kpi_agency_daily WHERE day BETWEEN $1 AND $2 AND ($3::text IS NULL OR agency_code = $3)
       GROUP BY day ORDER BY day`,
      [from, to, agencyCode ?? null],
    );
    return rows.map((row) => ({
      day: row.day,
      ...countersOf(row),
    }));
  }

  async agencyNames(): Promise<Map<string, string | null>> {
    const rows = await this.database.query<{ agency_code: string; name: string | null }>(
      'SELECT agency_code, name FROM kpi_agencies',
    );
    return new Map(rows.map((row) => [row.agency_code, row.name]));
  }

  /** The national scoring data's marker: changes with every fetch that stored a changed figure. */
  async nationalMark(): Promise<{ fetchId: number; fetchedAt: string | null }> {
    const [row] = await this.database.query<{ id: string | null; fetched_at: Date | null }>(
      `SELECT id, fetched_at FROM national_score_fetches WHERE outcome = 'changed' ORDER BY id DESC LIMIT 1`,
    );
    return { fetchId: Number(row?.id ?? 0), fetchedAt: row?.fetched_at?.toISOString() ?? null };
  }

  /** The projection's progress marker: changes with every projected batch. */
  async progress(): Promise<{ version: number; events: number; updatedAt: string }> {
    const [row] = await this.database.query<{ version: string; events: string; updated_at: Date }>(
      'SELECT version, events, updated_at FROM kpi_projection_progress WHERE id = 1',
    );
    return {
      version: Number(row.version),
      events: Number(row.events),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
