import type { Database } from '@lienthong/database';
import type { ScorePeriod } from './score-period';
import type { UnitScore } from './unit-score';

/** A row of national_scores as PostgreSQL answers it. */
export interface ScoreRow {
  period_key: string;
  period_type: ScorePeriod['type'];
  department_id: string;
  version: number;
  fetched_at: Date;
  department_code: string | null;
  department_name: string | null;
  department_type: string | null;
  department_level: string | null;
  child_group: string | null;
  total_score: number | null;
  max_score: number | null;
  groups: UnitScore['groups'];
  metrics: UnitScore['metrics'];
  parameters: UnitScore['parameters'];
  content_sha256: string;
  changed: string[];
}

/** One version of a unit's national score: since when the portal published it, and what had changed. */
export interface StoredScore extends UnitScore {
  periodKey: string;
  periodType: ScorePeriod['type'];
  version: number;
  /** When this version was first fetched. */
  fetchedAt: Date;
  changed: string[];
}

export function rowToScore(row: ScoreRow): StoredScore {
  return {
    periodKey: row.period_key,
    periodType: row.period_type,
    version: row.version,
    fetchedAt: row.fetched_at,
    changed: row.changed,
    unit: {
      departmentId: row.department_id,
      code: row.department_code,
      name: row.department_name,
      type: row.department_type,
      level: row.department_level,
      childGroup: row.child_group,
    },
    totalScore: row.total_score,
    maxScore: row.max_score,
    groups: row.groups,
    metrics: row.metrics,
    parameters: row.parameters,
  };
}

/** What the dashboard reads: the latest national score of every unit in a period, and a unit's history. */
export class NationalScoreReader {
  constructor(private readonly database: Database) {}

  /** Every unit's latest version in the period, with when the period was last fetched whole. */
  async latest(
    periodKey: string,
  ): Promise<{ periodKey: string; checkedAt: Date | null; units: StoredScore[] }> {
    const rows = await this.database.query<ScoreRow>(
      `SELECT DISTINCT ON (department_id) * FROM national_scores WHERE period_key = $1
       ORDER BY department_id, version DESC`,
      [periodKey],
    );
    const [checked] = await this.database.query<{ fetched_at: Date }>(
      `SELECT fetched_at FROM national_score_fetches WHERE period_key = $1 AND outcome IN ('changed', 'unchanged')
       ORDER BY fetched_at DESC LIMIT 1`,
      [periodKey],
    );
    return { periodKey, checkedAt: checked?.fetched_at ?? null, units: rows.map(rowToScore) };
  }

  /** The latest month with national figures stored (`2026-11`), or null before the first fetch. */
  async latestMonth(): Promise<string | null> {
    const [row] = await this.database.query<{ period_key: string | null }>(
      `SELECT max(period_key) AS period_key FROM national_scores WHERE period_type = 'month'`,
    );
    return row?.period_key ?? null;
  }

  /** Every version of one unit (by departmentId), oldest first; within one period when given. */
  async history(departmentId: string, periodKey?: string): Promise<StoredScore[]> {
    const rows = await this.database.query<ScoreRow>(
      `SELECT * FROM national_scores WHERE department_id = $1 AND ($2::text IS NULL OR period_key = $2)
       ORDER BY period_key, version`,
      [departmentId, periodKey ?? null],
    );
    return rows.map(rowToScore);
  }
}
