import { ENDPOINTS, GROUP_MAX, TOTAL_MAX, type GroupCode, type ScoreEndpoint } from './score-api.contract';
import type { UnitScore } from './score-formulas';
import type { ScoreUnit } from './score-units';

/** A row to publish: the unit, its score in the period asked for and in the period before. */
export interface ScoredUnit {
  unit: ScoreUnit;
  score: UnitScore;
  previous: UnitScore;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const percent = (score: number, max: number) => (max > 0 ? round2((score / max) * 100) : 0);

function departmentFields({ unit }: ScoredUnit, stt: number) {
  return {
    stt,
    departmentId: unit.departmentId,
    departmentName: unit.departmentName,
    departmentCode: unit.departmentCode,
    departmentType: unit.departmentType,
    departmentLevel: unit.departmentLevel,
    agencyLevel: unit.agencyLevel,
    childGroup: unit.childGroup,
  };
}

/** One row of an endpoint's answer, in the shape DOMAIN.md gives for it. */
export function scoreRecord(endpoint: ScoreEndpoint, row: ScoredUnit, stt: number): Record<string, unknown> {
  const { group, shape } = ENDPOINTS[endpoint];
  if (group === 'TOTAL') {
    return {
      ...departmentFields(row, stt),
      totalScore: row.score.totalScore,
      totalMaxScore: TOTAL_MAX,
      ratio: percent(row.score.totalScore, TOTAL_MAX),
      scoreDelta: round2(row.score.totalScore - row.previous.totalScore),
      groupScores: row.score.groupScores,
    };
  }
  const score = row.score.groupScores[group];
  const common = {
    ...departmentFields(row, stt),
    score,
    maxScore: GROUP_MAX[group],
    ratio: percent(score, GROUP_MAX[group]),
    scoreDelta: round2(score - row.previous.groupScores[group]),
  };
  if (shape === 'tree') return { ...common, ...treeParameters(group, row.score) };
  return {
    ...common,
    ...(group === 'MDHL' && row.score.parameters.MDHL),
    metrics: row.score.metrics[group],
  };
}

/** The parameters a tree endpoint's rows carry (TDGQ, CLGQ, TTTT). */
function treeParameters(group: GroupCode, score: UnitScore): Record<string, number> {
  const parameters: Partial<Record<GroupCode, Record<string, number>>> = score.parameters;
  return parameters[group] ?? {};
}

/**
 * The `data` of an answer: `overview` + `evaluation[]` or `parent` + `children[]`. `root` is the unit
 * asked about (null for the list of provinces); `rows` the page, numbered from `firstStt`.
 */
export function answerData(
  endpoint: ScoreEndpoint,
  root: ScoredUnit | null,
  rows: ScoredUnit[],
  firstStt: number,
): Record<string, unknown> {
  const head = root && scoreRecord(endpoint, root, 1);
  const records = rows.map((row, index) => scoreRecord(endpoint, row, firstStt + index));
  return ENDPOINTS[endpoint].shape === 'tree'
    ? { parent: head, children: records }
    : { overview: head, evaluation: records };
}
