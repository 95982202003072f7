import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/** One line of the agency mapping: a national unit (by code or id) and the Lienthong agency it is. */
export type AgencyMapping =
  | { departmentCode: string; departmentId?: undefined; agencyCode: string }
  | { departmentId: string; departmentCode?: undefined; agencyCode: string };

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Reads the mapping file (JSON or YAML, a list of `{departmentCode | departmentId, agencyCode}`); a bad
 * entry throws naming its position and what is wrong, so start-up stops on it.
 */
export function readAgencyMapping(path: string): AgencyMapping[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the agency mapping ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(`${path} is neither JSON nor YAML: ${(error as Error).message}`);
  }
  return validateAgencyMapping(parsed, path);
}

export function validateAgencyMapping(parsed: unknown, source: string): AgencyMapping[] {
  if (!Array.isArray(parsed))
    throw new Error(`${source} must hold a list of {departmentCode|departmentId, agencyCode}`);
  const seen = new Map<string, number>();
  return parsed.map((entry: unknown, index) => {
    const where = `${source} entry ${index + 1} (${JSON.stringify(entry)})`;
    if (entry === null || typeof entry !== 'object') throw new Error(`${where}: not an object`);
    const { departmentCode, departmentId, agencyCode } = entry as Record<string, unknown>;
    if (!nonEmpty(agencyCode)) throw new Error(`${where}: agencyCode is missing or empty`);
    if (nonEmpty(departmentCode) === nonEmpty(departmentId)) {
      throw new Error(`${where}: give exactly one of departmentCode and departmentId`);
    }
    const unit = nonEmpty(departmentCode) ? `code ${departmentCode}` : `id ${String(departmentId)}`;
    const earlier = seen.get(unit);
    if (earlier !== undefined) throw new Error(`${where}: ${unit} is already mapped by entry ${earlier}`);
    seen.set(unit, index + 1);
    return nonEmpty(departmentCode)
      ? { departmentCode: departmentCode.trim(), agencyCode: agencyCode.trim() }
      : { departmentId: (departmentId as string).trim(), agencyCode: agencyCode.trim() };
  });
}
