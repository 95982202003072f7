import type { ScoreMetric, ScoreUnit, UnitReading } from './score-answer';
import { SCORE_ENDPOINTS, type GroupCode, type ScoreEndpoint } from './score-endpoints';

/** One unit's national score in one period, from all seven endpoints: what is stored and compared. */
export interface UnitScore {
  unit: ScoreUnit;
  totalScore: number | null;
  maxScore: number | null;
  groups: Partial<Record<GroupCode, { score: number | null; maxScore: number | null }>>;
  /** Every metric of the group endpoints, with the group it belongs to. */
  metrics: (ScoreMetric & { group: GroupCode })[];
  /** Each endpoint's other fields of the unit's row, by endpoint. */
  parameters: Partial<Record<ScoreEndpoint, Record<string, unknown>>>;
}

/** Joins the rows of every endpoint by departmentId (the root row too), in the order first seen. */
export function mergeReadings(readings: { endpoint: ScoreEndpoint; rows: UnitReading[] }[]): UnitScore[] {
  const units = new Map<string, UnitScore>();
  for (const { endpoint, rows } of readings) {
    const { group } = SCORE_ENDPOINTS[endpoint];
    for (const row of rows) {
      const id = row.unit.departmentId;
      let unit = units.get(id);
      if (!unit) {
        unit = { unit: row.unit, totalScore: null, maxScore: null, groups: {}, metrics: [], parameters: {} };
        units.set(id, unit);
      }
      unit.parameters[endpoint] = row.parameters;
      if (group === 'TOTAL') {
        // The total endpoint names the unit as the dashboard shows it; it wins over the group endpoints.
        unit.unit = row.unit;
        unit.totalScore = row.score;
        unit.maxScore = row.maxScore;
        for (const [code, score] of Object.entries(row.groupScores ?? {}) as [GroupCode, number][]) {
          unit.groups[code] = { maxScore: null, ...unit.groups[code], score };
        }
      } else {
        // The total's groupScores is the authoritative split; the group endpoint gives the maximum.
        unit.groups[group] = { score: unit.groups[group]?.score ?? row.score, maxScore: row.maxScore };
        unit.metrics.push(...(row.metrics ?? []).map((metric) => ({ ...metric, group })));
      }
    }
  }
  return [...units.values()];
}

/** JSON with keys sorted at every level: the same content always gives the same text (and hash). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const entries = Object.entries(value)
    .filter(([, inner]) => inner !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
}

/**
 * What differs between two versions of a unit's score, as paths (`totalScore`, `groups.TTTT.score`,
 * `metrics.MDSH/4.2.numerator`, `parameters.dvc-progress-tree.totalOnTime`, `unit.name`); empty when
 * nothing did.
 */
export function changedFields(before: UnitScore, after: UnitScore): string[] {
  const flat = (score: UnitScore) =>
    flatten({
      unit: score.unit,
      totalScore: score.totalScore,
      maxScore: score.maxScore,
      groups: score.groups,
      metrics: Object.fromEntries(score.metrics.map((metric) => [`${metric.group}/${metric.code}`, metric])),
      parameters: score.parameters,
    });
  const old = flat(before);
  const now = flat(after);
  return [...new Set([...old.keys(), ...now.keys()])]
    .filter((path) => old.get(path) !== now.get(path))
    .sort();
}

function flatten(value: unknown, path = '', into = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, path ? `${path}.${key}` : key, into);
  } else if (value !== undefined) {
    into.set(path, canonicalJson(value));
  }
  return into;
}
