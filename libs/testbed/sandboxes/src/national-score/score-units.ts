import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ChildGroup, DepartmentLevel, DepartmentType } from './score-api.contract';

/** A row of the national lists: the province, a provincial department, or a commune/ward. */
export interface ScoreUnit {
  departmentId: string;
  departmentName: string;
  departmentCode: string;
  departmentType: DepartmentType;
  departmentLevel: DepartmentLevel;
  agencyLevel: DepartmentLevel;
  childGroup: ChildGroup;
  /** The Lienthong agency codes (dossier code prefixes) whose dossiers count for it. */
  agencyCodes: string[];
}

export interface ProvinceSpec {
  departmentId: string;
  departmentName: string;
  departmentCode: string;
}

/** A units file: the province's departments and communes, each with the agency codes it covers. */
export interface UnitsFile {
  units: {
    departmentId?: string;
    departmentName: string;
    departmentCode: string;
    level: 'PROVINCE' | 'COMMUNE';
    agencyCodes?: string[];
  }[];
}

/** A stable uuid-shaped id for a code, so a derived unit keeps its id from run to run. */
export function departmentIdOf(code: string): string {
  const hex = createHash('sha1').update(`national-score:${code}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function provinceUnit(spec: ProvinceSpec): ScoreUnit {
  return {
    ...spec,
    departmentType: DepartmentType.AdministrativeUnit,
    departmentLevel: DepartmentLevel.Province,
    agencyLevel: DepartmentLevel.Province,
    childGroup: null,
    agencyCodes: [],
  };
}

const department = (
  code: string,
  name: string,
  id = departmentIdOf(code),
): Omit<ScoreUnit, 'agencyCodes'> => ({
  departmentId: id,
  departmentName: name,
  departmentCode: code,
  departmentType: DepartmentType.ProvincialDepartment,
  departmentLevel: DepartmentLevel.Province,
  agencyLevel: DepartmentLevel.Province,
  childGroup: ChildGroup.Agency,
});

const commune = (code: string, name: string, id = departmentIdOf(code)): Omit<ScoreUnit, 'agencyCodes'> => ({
  departmentId: id,
  departmentName: name,
  departmentCode: code,
  departmentType: DepartmentType.AdministrativeUnit,
  departmentLevel: DepartmentLevel.Commune,
  agencyLevel: DepartmentLevel.Commune,
  childGroup: ChildGroup.Commune,
});

/** Reads and checks a units file; throws naming the first bad entry. */
export function readUnitsFile(path: string): ScoreUnit[] {
  const file = JSON.parse(readFileSync(path, 'utf8')) as UnitsFile;
  if (!Array.isArray(file.units)) throw new Error(`${path}: "units" must be a list`);
  return file.units.map((unit, index) => {
    if (typeof unit.departmentCode !== 'string' || typeof unit.departmentName !== 'string') {
      throw new Error(`${path}: units[${index}] needs departmentCode and departmentName`);
    }
    if (unit.level !== 'PROVINCE' && unit.level !== 'COMMUNE') {
      throw new Error(`${path}: units[${index}].level must be PROVINCE or COMMUNE`);
    }
    const make = unit.level === 'COMMUNE' ? commune : department;
    return {
      ...make(unit.departmentCode, unit.departmentName, unit.departmentId),
      agencyCodes: unit.agencyCodes ?? [unit.departmentCode],
    };
  });
}

/** An agency as the portal's dossiers name it: the code prefix and `DonViXuLy`. */
export interface HeldAgency {
  code: string;
  name: string | undefined;
}

/**
 * The units the portal's own data gives: an agency in the national list of provincial departments
 * (code → name, the national side's registry) is a department under that name; any other agency is
 * a commune/ward, named as its dossiers name it.
 */
export function derivedUnits(
  held: Iterable<HeldAgency>,
  departments: Readonly<Record<string, string>>,
): ScoreUnit[] {
  const names = new Map<string, string>();
  for (const { code, name } of held) if (!names.get(code)) names.set(code, name ?? '');
  return [...names].map(([code, name]) => ({
    ...(Object.hasOwn(departments, code)
      ? department(code, departments[code])
      : commune(code, name || `Đơn vị ${code}`)),
    agencyCodes: [code],
  }));
}

/**
 * The province's children as the national lists show them: from the units file when there is one
 * (agencies not in it count for the province only), else derived from the agencies the portal holds
 * dossiers of. Departments come first, then communes, each by code.
 */
export function unitsFor(configured: ScoreUnit[] | undefined, derived: () => ScoreUnit[]): ScoreUnit[] {
  const units = configured ?? derived();
  const tier = (unit: ScoreUnit) => (unit.departmentLevel === DepartmentLevel.Commune ? 1 : 0);
  return [...units].sort((a, b) => tier(a) - tier(b) || a.departmentCode.localeCompare(b.departmentCode));
}
