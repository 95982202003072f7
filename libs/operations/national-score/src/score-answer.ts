import {
  GROUP_CODES,
  SCORE_ENDPOINTS,
  SHAPE_FIELDS,
  type GroupCode,
  type ScoreEndpoint,
} from './score-endpoints';
import { ScoreShapeError } from './score-errors';

/** Who a row is about. */
export interface ScoreUnit {
  departmentId: string;
  code: string | null;
  name: string | null;
  type: string | null;
  level: string | null;
  childGroup: string | null;
}

export interface ScoreMetric {
  code: string;
  name: string | null;
  numerator: number | null;
  denominator: number | null;
  ratio: number | null;
  score: number | null;
  maxScore: number | null;
  [other: string]: unknown;
}

/** One row of one endpoint's answer, read: what the poller stores, the rest kept as parameters. */
export interface UnitReading {
  unit: ScoreUnit;
  score: number;
  maxScore: number;
  groupScores?: Partial<Record<GroupCode, number>>;
  metrics?: ScoreMetric[];
  /** Every other field of the row (the group's parameters, ratio, scoreDelta, fields not known yet). */
  parameters: Record<string, unknown>;
}

export interface PageReading {
  root: UnitReading | null;
  rows: UnitReading[];
}

const UNIT_FIELDS = [
  'departmentId',
  'departmentCode',
  'departmentName',
  'departmentType',
  'departmentLevel',
  'childGroup',
];
const READ_FIELDS = new Set([
  ...UNIT_FIELDS,
  'totalScore',
  'score',
  'totalMaxScore',
  'maxScore',
  'groupScores',
  'metrics',
]);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const numberOrNull = (value: unknown): number | null => (isNumber(value) ? value : null);

/**
 * Reads one page of an endpoint's answer (`{data: …}`). A field the poller needs that is missing or
 * of another type throws ScoreShapeError naming the endpoint and the field; fields it does not know
 * are kept in `parameters`.
 */
export function readScorePage(endpoint: ScoreEndpoint, body: unknown): PageReading {
  const fail = (field: string, detail: string) => new ScoreShapeError(endpoint, field, detail);
  if (!isObject(body) || !isObject(body.data)) throw fail('data', 'is missing or not an object');
  const data = body.data;
  const fields = SHAPE_FIELDS[SCORE_ENDPOINTS[endpoint].shape];
  const rows = data[fields.rows];
  if (!Array.isArray(rows)) throw fail(fields.rows, 'is missing or not a list');
  const root = data[fields.root];
  if (root !== null && root !== undefined && !isObject(root)) throw fail(fields.root, 'is not an object');
  return {
    root: isObject(root) ? readRow(endpoint, root, fields.root) : null,
    rows: rows.map((row: unknown, index) => {
      const where = `${fields.rows}[${index}]`;
      if (!isObject(row)) throw fail(where, 'is not an object');
      return readRow(endpoint, row, where);
    }),
  };
}

function readRow(endpoint: ScoreEndpoint, row: Json, where: string): UnitReading {
  const fail = (field: string, detail: string) => new ScoreShapeError(endpoint, `${where}.${field}`, detail);
  if (typeof row.departmentId !== 'string' || row.departmentId === '')
    throw fail('departmentId', 'is missing');
  const score = row.totalScore ?? row.score;
  if (!isNumber(score)) throw fail('totalScore', 'is missing (neither totalScore nor score is a number)');
  const maxScore = row.totalMaxScore ?? row.maxScore;
  if (!isNumber(maxScore))
    throw fail('totalMaxScore', 'is missing (neither totalMaxScore nor maxScore is a number)');
  const reading: UnitReading = {
    unit: {
      departmentId: row.departmentId,
      code: text(row.departmentCode),
      name: text(row.departmentName),
      type: text(row.departmentType),
      level: text(row.departmentLevel),
      childGroup: text(row.childGroup),
    },
    score,
    maxScore,
    parameters: Object.fromEntries(Object.entries(row).filter(([field]) => !READ_FIELDS.has(field))),
  };
  const { group, shape } = SCORE_ENDPOINTS[endpoint];
  if (group === 'TOTAL') reading.groupScores = readGroupScores(row.groupScores, fail);
  else if (shape === 'evaluation') reading.metrics = readMetrics(row.metrics, fail);
  return reading;
}

function readGroupScores(value: unknown, fail: (field: string, detail: string) => Error) {
  if (!isObject(value)) throw fail('groupScores', 'is missing or not an object');
  const scores: Partial<Record<GroupCode, number>> = {};
  for (const code of GROUP_CODES) {
    if (value[code] === undefined || value[code] === null) continue;
    if (!isNumber(value[code])) throw fail(`groupScores.${code}`, 'is not a number');
    scores[code] = value[code];
  }
  return scores;
}

function readMetrics(value: unknown, fail: (field: string, detail: string) => Error): ScoreMetric[] {
  if (!Array.isArray(value)) throw fail('metrics', 'is missing or not a list');
  return value.map((metric: unknown, index) => {
    if (!isObject(metric) || typeof metric.code !== 'string')
      throw fail(`metrics[${index}].code`, 'is missing');
    return {
      ...metric,
      code: metric.code,
      name: text(metric.name),
      numerator: numberOrNull(metric.numerator),
      denominator: numberOrNull(metric.denominator),
      ratio: numberOrNull(metric.ratio),
      score: numberOrNull(metric.score ?? metric.totalScore),
      maxScore: numberOrNull(metric.maxScore ?? metric.totalMaxScore),
    };
  });
}
