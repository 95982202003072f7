import { createHash } from 'node:crypto';
import type { Database } from '@lienthong/database';
import type { PoolClient } from 'pg';
import type { RawAnswer } from './score-client';
import type { ScorePeriod } from './score-period';
import { canonicalJson, changedFields, type UnitScore } from './unit-score';
import { rowToScore, type ScoreRow } from './score-reader';

export type FetchOutcome = 'changed' | 'unchanged' | 'shape_error' | 'failed';

export interface UnitChange {
  departmentId: string;
  code: string | null;
  change: 'added' | 'changed' | 'gone';
  fields?: string[];
}

export interface FetchRecord {
  id: number;
  period: ScorePeriod;
  fetchedAt: Date;
  outcome: FetchOutcome;
  answersSha256: string | null;
  changes: UnitChange[];
  error?: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Writes fetches, their raw answers and the units' score versions (a new one only on a change). */
export class NationalScoreStore {
  constructor(private readonly database: Database) {}

  /** A complete fetch: its answers, and a new version of each unit whose published score changed. */
  async recordFetch(
    period: ScorePeriod,
    trigger: string,
    answers: RawAnswer[],
    units: UnitScore[],
  ): Promise<FetchRecord> {
    return this.database.transaction(async (client) => {
      const latest = await this.latestVersions(client, period.key);
      const changes: UnitChange[] = [];
      const versions: { unit: UnitScore; version: number; hash: string; changed: string[] }[] = [];
      for (const unit of units) {
        const hash = sha256(canonicalJson(unit));
        const before = latest.get(unit.unit.departmentId);
        latest.delete(unit.unit.departmentId);
        if (before?.hash === hash) continue;
        const changed = before ? changedFields(before.score, unit) : [];
        versions.push({ unit, version: (before?.version ?? 0) + 1, hash, changed });
        const { departmentId, code } = unit.unit;
        changes.push(
          before
            ? { departmentId, code, change: 'changed', fields: changed }
            : { departmentId, code, change: 'added' },
        );
      }
      for (const [departmentId, gone] of latest)
        changes.push({ departmentId, code: gone.score.unit.code, change: 'gone' });
      const outcome = changes.length > 0 ? 'changed' : 'unchanged';
      const fetch = await this.insertFetch(client, period, trigger, answers, outcome, changes);
      for (const { unit, version, hash, changed } of versions) {
        await client.query(
          `INSERT INTO national_scores (period_key, period_type, department_id, version, fetch_id, fetched_at,
             department_code, department_name, department_type, department_level, child_group, total_score, max_score,
             groups, metrics, parameters, content_sha256, changed)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
          [
            period.key,
            period.type,
            unit.unit.departmentId,
            version,
            fetch.id,
            fetch.fetchedAt,
            unit.unit.code,
            unit.unit.name,
            unit.unit.type,
            unit.unit.level,
            unit.unit.childGroup,
            unit.totalScore,
            unit.maxScore,
            JSON.stringify(unit.groups),
            JSON.stringify(unit.metrics),
            JSON.stringify(unit.parameters),
            hash,
            changed,
          ],
        );
      }
      return fetch;
    });
  }

  /** A fetch that found no usable answer (a changed shape, refusals to the end): kept with what it got. */
  async recordFailure(
    period: ScorePeriod,
    trigger: string,
    answers: RawAnswer[],
    outcome: 'shape_error' | 'failed',
    error: string,
  ): Promise<FetchRecord> {
    return this.database.transaction((client) =>
      this.insertFetch(client, period, trigger, answers, outcome, [], error),
    );
  }

  private async insertFetch(
    client: PoolClient,
    period: ScorePeriod,
    trigger: string,
    answers: RawAnswer[],
    outcome: FetchOutcome,
    changes: UnitChange[],
    error?: string,
  ): Promise<FetchRecord> {
    const fetchedAt = new Date();
    const answersSha256 =
      answers.length > 0 ? sha256(answers.map((answer) => answer.sha256).join('\n')) : null;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO national_score_fetches (period_type, period_key, trigger, fetched_at, outcome, answers_sha256, changes, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        period.type,
        period.key,
        trigger,
        fetchedAt,
        outcome,
        answersSha256,
        JSON.stringify(changes),
        error ?? null,
      ],
    );
    const id = Number(rows[0].id);
    for (const answer of answers) {
      await client.query(
        'INSERT INTO national_score_answer_bodies (sha256, body) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING',
        [answer.sha256, answer.text],
      );
      await client.query(
        `INSERT INTO national_score_answers (fetch_id, endpoint, page, request, status, fetched_at, sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          answer.endpoint,
          answer.page,
          JSON.stringify(answer.request),
          answer.status,
          answer.fetchedAt,
          answer.sha256,
        ],
      );
    }
    return { id, period, fetchedAt, outcome, answersSha256, changes, ...(error ? { error } : {}) };
  }

  private async latestVersions(client: PoolClient, periodKey: string) {
    const { rows } = await client.query<ScoreRow>(
      `SELECT DISTINCT ON (department_id) * FROM national_scores WHERE period_key = $1
       ORDER BY department_id, version DESC`,
      [periodKey],
    );
    return new Map(
      rows.map((row) => [
        row.department_id,
        { version: row.version, hash: row.content_sha256, score: rowToScore(row) },
      ]),
    );
  }
}
