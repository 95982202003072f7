import { num, str, type ConfigOf } from '@lienthong/config';
import { makeValidator } from 'envalid';
import { readAgencyMapping, type AgencyMapping } from './agency-mapping';
import { RELATIVE_PERIODS, type RelativePeriod } from './score-period';

/** The mapping file's path, read and validated at start-up: a bad entry stops the app naming it. */
const agencyMappingFile = makeValidator<AgencyMapping[]>((path) =>
  path.trim() ? readAgencyMapping(path.trim()) : [],
);

/** A base URL, or empty: no national scoring data is fetched (the dashboard's schedule is off). */
const optionalUrl = makeValidator<string>((input) => {
  const value = input.trim();
  if (value === '') return '';
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`not a URL: "${value}"`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new Error(`not an http(s) URL: "${value}"`);
  return value;
});

const relativePeriods = makeValidator<RelativePeriod[]>((input) => {
  const names = input
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(RELATIVE_PERIODS as readonly string[]).includes(name)) {
      throw new Error(`unknown period "${name}": one of ${RELATIVE_PERIODS.join(', ')}`);
    }
  }
  return names as RelativePeriod[];
});

export const nationalScoreConfigSpec = {
  NATIONAL_SCORE_URL: optionalUrl({
    default: '',
    example: 'https://dichvucong.gov.vn',
    desc: "Base URL of the national portal's public scoring data; /api/v1/reporting/evaluation/{endpoint} is appended (the scoring sandbox: http://127.0.0.1:8086). Empty: nothing is fetched, the dashboard's schedule is off",
  }),
  NATIONAL_SCORE_ROOT_DEPARTMENT_ID: str({
    default: '6f2a9c1e-26a0-4b1d-9c26-000000000026',
    desc: "The province's rootDepartmentId (a uuid) in the national data; the provinces list (service-results without a root) shows it",
  }),
  NATIONAL_SCORE_AGENCIES: agencyMappingFile({
    default: [],
    example: 'config/national-score-agencies.yaml',
    desc: 'Path of the agency mapping file, JSON or YAML: [{departmentCode | departmentId, agencyCode}] (national unit → Lienthong agency); validated at start-up; empty: units whose departmentCode is an agency code map to it',
  }),
  NATIONAL_SCORE_RATE_PER_S: num({
    default: 1,
    desc: 'Calls per second at most to the scoring data, one at a time (the portal blocks impolite callers with 429/403)',
  }),
  NATIONAL_SCORE_EVERY_S: num({
    default: 21_600,
    desc: 'Seconds between scheduled fetches (0: no schedule, only `lienthong score fetch`); one replica fetches at a time',
  }),
  NATIONAL_SCORE_PERIODS: relativePeriods({
    default: ['month', 'previous-month', 'quarter', 'year'],
    example: 'month,previous-month,quarter,previous-quarter,year',
    desc: `Which periods a scheduled fetch asks for, comma-separated, relative to today in Việt Nam: ${RELATIVE_PERIODS.join(', ')}`,
  }),
  NATIONAL_SCORE_PAGE_SIZE: num({
    default: 200,
    desc: 'Units per page asked for; a page shorter than this is the last',
  }),
  NATIONAL_SCORE_MAX_ATTEMPTS: num({
    default: 8,
    desc: 'Attempts per call before a fetch gives up on 429, 403, 5xx or no answer',
  }),
  NATIONAL_SCORE_BACKOFF_INITIAL_MS: num({
    default: 2_000,
    desc: 'First wait after a refused or failed call, doubled each time (a Retry-After header wins when longer)',
  }),
  NATIONAL_SCORE_BACKOFF_MAX_MS: num({
    default: 120_000,
    desc: 'Longest wait between two attempts of one call',
  }),
  NATIONAL_SCORE_TIMEOUT_MS: num({
    default: 30_000,
    desc: 'How long one call may take before it counts as failed and is tried again',
  }),
};

export type NationalScoreConfig = ConfigOf<typeof nationalScoreConfigSpec>;
