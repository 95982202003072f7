/**
 * The national portal's side of its public 766 scoring data (`/api/v1/reporting/evaluation/`), written
 * from DOMAIN.md ("National scoring API") and the golden files in test/fixtures/contracts/national-score,
 * never from Lienthong's poller or KPI code.
 */
export const SCORE_API_PATH = '/api/v1/reporting/evaluation';

/** The seven groups as the dashboard names them, with their maxima (the total is 100). */
export const GroupCode = ['CKMB', 'TDGQ', 'CLGQ', 'MDSH', 'MDHL', 'TTTT'] as const;
export type GroupCode = (typeof GroupCode)[number];
export const GROUP_MAX: Record<GroupCode, number> = {
  CKMB: 18,
  TDGQ: 20,
  CLGQ: 12,
  MDSH: 22,
  MDHL: 18,
  TTTT: 10,
};
export const TOTAL_MAX = 100;

/** Which answer shape an endpoint uses: `overview` + `evaluation[]`, or `parent` + `children[]`. */
export type AnswerShape = 'evaluation' | 'tree';

export const ENDPOINTS = {
  'service-results': { group: 'TOTAL', shape: 'evaluation' },
  transparency: { group: 'CKMB', shape: 'evaluation' },
  'dvc-progress-tree': { group: 'TDGQ', shape: 'tree' },
  'provide-online-tree': { group: 'CLGQ', shape: 'tree' },
  'dossier-digitized': { group: 'MDSH', shape: 'evaluation' },
  'handling-satisfaction': { group: 'MDHL', shape: 'evaluation' },
  'formality-online-payment-tree': { group: 'TTTT', shape: 'tree' },
} as const satisfies Record<string, { group: GroupCode | 'TOTAL'; shape: AnswerShape }>;
export type ScoreEndpoint = keyof typeof ENDPOINTS;
export const isScoreEndpoint = (name: string): name is ScoreEndpoint => Object.hasOwn(ENDPOINTS, name);

export const DepartmentType = {
  AdministrativeUnit: 'ADMINISTRATIVE_UNIT',
  ProvincialDepartment: 'PROVINCIAL_DEPARTMENT',
} as const;
export type DepartmentType = (typeof DepartmentType)[keyof typeof DepartmentType];

/** Two tiers since July 2025: provinces and communes/wards, no districts. */
export const DepartmentLevel = { Province: 'PROVINCE', Commune: 'COMMUNE' } as const;
export type DepartmentLevel = (typeof DepartmentLevel)[keyof typeof DepartmentLevel];

export const ChildGroup = { Agency: 'AGENCY', Commune: 'COMMUNE' } as const;
export type ChildGroup = (typeof ChildGroup)[keyof typeof ChildGroup] | null;

export const TIME_TYPES = ['year', 'quarter', 'month'] as const;
export type TimeType = (typeof TIME_TYPES)[number];

export interface ScoreRequest {
  timeType: TimeType;
  year: number;
  quarter?: number;
  month?: number;
  rootDepartmentId?: string;
  departmentType?: string;
  currentPage: number;
  pageSize: number;
}

/** What identifies a row: the same fields in every answer. */
export interface DepartmentFields {
  stt: number;
  departmentId: string;
  departmentName: string;
  departmentCode: string;
  departmentType: DepartmentType;
  departmentLevel: DepartmentLevel;
  agencyLevel: DepartmentLevel;
  childGroup: ChildGroup;
}

export interface Metric {
  code: string;
  name: string;
  numerator: number | null;
  denominator: number | null;
  /** Percent, two decimals; null when nothing was counted. */
  ratio: number | null;
  score: number;
  maxScore: number;
  dataQualityMessage?: string;
}
