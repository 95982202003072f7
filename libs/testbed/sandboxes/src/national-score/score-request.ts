import { DepartmentType, TIME_TYPES, type ScoreRequest, type TimeType } from './score-api.contract';
import { scorePeriod, type ScorePeriod } from './score-period';

export type ParsedRequest =
  { ok: true; request: ScoreRequest; period: ScorePeriod } | { ok: false; message: string };

const isInteger = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * Checks a request body as the dashboard's back end would: `{timeType, year, quarter|month,
 * rootDepartmentId | departmentType: "ADMINISTRATIVE_UNIT", currentPage, pageSize}`.
 */
export function parseScoreRequest(body: Record<string, unknown>): ParsedRequest {
  const fail = (message: string): ParsedRequest => ({ ok: false, message });
  const { timeType, year, quarter, month, rootDepartmentId, departmentType, currentPage, pageSize } = body;
  if (!TIME_TYPES.includes(timeType as TimeType))
    return fail(`timeType must be one of ${TIME_TYPES.join(', ')}`);
  if (!isInteger(year, 2000, 2100)) return fail('year must be a whole number such as 2026');
  if (timeType === 'quarter' && !isInteger(quarter, 1, 4)) return fail('quarter must be 1 to 4');
  if (timeType === 'month' && !isInteger(month, 1, 12)) return fail('month must be 1 to 12');
  if (!isInteger(currentPage, 1)) return fail('currentPage must be a whole number from 1');
  if (!isInteger(pageSize, 1)) return fail('pageSize must be a whole number from 1');
  if (rootDepartmentId !== undefined && rootDepartmentId !== null && typeof rootDepartmentId !== 'string') {
    return fail('rootDepartmentId must be a string');
  }
  if (!rootDepartmentId && departmentType !== DepartmentType.AdministrativeUnit) {
    return fail(
      `rootDepartmentId, or departmentType "${DepartmentType.AdministrativeUnit}" to list the provinces`,
    );
  }
  const index = timeType === 'quarter' ? (quarter as number) : timeType === 'month' ? (month as number) : 1;
  return {
    ok: true,
    request: body as unknown as ScoreRequest,
    period: scorePeriod(timeType as TimeType, year, index),
  };
}
