import { num, port, str, type ConfigOf } from '@lienthong/config';
import { makeValidator } from 'envalid';
import { faultPlan, NO_FAULTS } from '../faults';
import {
  DEFAULT_FIXED_RATES,
  DEFAULT_ONLINE_SPLIT,
  DEFAULT_PAYMENT_SPLIT,
  FIXED_ITEMS,
  ONLINE_ITEMS,
  PAYMENT_ITEMS,
} from './score-table';
import type { ProvinceSpec } from './score-units';

/** A JSON object of numbers over the given keys, each in 0..max, summing to `total` when one is given. */
const numberTable = (keys: readonly string[], max: number, total?: number) =>
  makeValidator<Record<string, number>>((input) => {
    const table = JSON.parse(input) as Record<string, unknown>;
    for (const [key, value] of Object.entries(table)) {
      if (!keys.includes(key)) throw new Error(`unknown item ${key}: one of ${keys.join(', ')}`);
      if (typeof value !== 'number' || value < 0 || value > max) throw new Error(`${key} must be 0..${max}`);
    }
    const sum = Object.values(table as Record<string, number>).reduce((a, b) => a + b, 0);
    if (total !== undefined && Math.abs(sum - total) > 1e-9)
      throw new Error(`the points must sum to ${total}`);
    return table as Record<string, number>;
  });

const province = makeValidator<ProvinceSpec>((input) => {
  const spec = JSON.parse(input) as Partial<ProvinceSpec>;
  for (const key of ['departmentId', 'departmentName', 'departmentCode'] as const) {
    if (typeof spec[key] !== 'string' || spec[key] === '') throw new Error(`${key} is required`);
  }
  return spec as ProvinceSpec;
});

/** A JSON object of agency code → department name. */
const departments = makeValidator<Record<string, string>>((input) => {
  const table = JSON.parse(input) as Record<string, unknown>;
  for (const [code, name] of Object.entries(table)) {
    if (!/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/.test(code))
      throw new Error(`"${code}" is not a four-part agency code`);
    if (typeof name !== 'string' || name === '') throw new Error(`${code} needs a name`);
  }
  return table as Record<string, string>;
});

/**
 * Hà Nội's provincial departments in the national lists that the testbed's dossiers reach (since March
 * 2025 the construction department holds transport too).
 */
export const HANOI_DEPARTMENTS: Readonly<Record<string, string>> = {
  '000.00.15.H26': 'Sở Xây dựng Hà Nội',
};

export const nationalScoreSandboxConfigSpec = {
  NATIONAL_SCORE_SANDBOX_PORT: port({
    default: 8086,
    desc: 'Port of the national-scoring-data sandbox on 127.0.0.1',
  }),
  NATIONAL_SCORE_SANDBOX_PORTAL_URL: str({
    default: 'http://127.0.0.1:8081',
    desc: 'Base URL of the portal sandbox whose held dossiers are scored (read through GET /_sandbox/dossiers) when the scoring sandbox runs in a process of its own',
  }),
  NATIONAL_SCORE_SANDBOX_PROVINCE: province({
    default: {
      departmentId: '6f2a9c1e-26a0-4b1d-9c26-000000000026',
      departmentName: 'Thành phố Hà Nội',
      departmentCode: 'H26',
    },
    example: '{"departmentId":"…","departmentName":"Thành phố Hà Nội","departmentCode":"H26"}',
    desc: 'The province the sandbox scores, JSON: its rootDepartmentId (departmentId), name and code',
  }),
  NATIONAL_SCORE_SANDBOX_UNITS: str({
    default: '',
    example: 'test/fixtures/contracts/national-score/units-hanoi.json',
    desc: 'JSON file of the province\'s departments and communes ({"units":[{departmentCode, departmentName, level: PROVINCE|COMMUNE, agencyCodes}]}); empty: derived from the agencies the portal holds dossiers of, with NATIONAL_SCORE_SANDBOX_DEPARTMENTS',
  }),
  NATIONAL_SCORE_SANDBOX_DEPARTMENTS: departments({
    default: HANOI_DEPARTMENTS,
    example: '{"000.00.15.H26":"Sở Xây dựng Hà Nội"}',
    desc: "The national list of the province's departments, JSON {agency code: name}: without a units file, an agency the portal holds dossiers of is a provincial department (departmentType PROVINCIAL_DEPARTMENT) when listed here, else a commune/ward named as its dossiers' DonViXuLy",
  }),
  NATIONAL_SCORE_SANDBOX_RATE_PER_S: num({
    default: 3,
    desc: 'Calls per second the firewall lets through before answering 429 (0: no limit); PUT /_sandbox/politeness changes it',
  }),
  NATIONAL_SCORE_SANDBOX_STATUS: num({
    choices: [200, 201],
    default: 201,
    desc: 'HTTP status of a successful answer: the real portal answers 201 to its POSTs, some gateways 200',
  }),
  NATIONAL_SCORE_SANDBOX_PAYMENT_SPLIT: numberTable(
    PAYMENT_ITEMS,
    10,
    10,
  )({
    default: DEFAULT_PAYMENT_SPLIT,
    example: '{"3.4":2,"3.5":2,"3.6":6}',
    desc: 'Points of the online-payment items (sum 10): 3.4 procedures with an online payment, 3.5 procedures whose dossiers carry fees, 3.6 dossiers paid online; the split is unsettled',
  }),
  NATIONAL_SCORE_SANDBOX_ONLINE_SPLIT: numberTable(
    ONLINE_ITEMS,
    12,
    12,
  )({
    default: DEFAULT_ONLINE_SPLIT,
    example: '{"3.1":4,"3.2":4,"3.3":4}',
    desc: 'Points of the online-service items (sum 12): 3.1 procedures offered online, 3.2 online services with dossiers, 3.3 share of online dossiers; the split is not known',
  }),
  NATIONAL_SCORE_SANDBOX_FIXED_RATES: numberTable(
    FIXED_ITEMS,
    1,
  )({
    default: DEFAULT_FIXED_RATES,
    example: '{"1.1":0.9,"5.1":1}',
    desc: `Rate (0..1) scored by the items the portal's dossier data cannot tell (${FIXED_ITEMS.join(', ')}): catalogue, e-certified copies, petitions`,
  }),
  NATIONAL_SCORE_SANDBOX_PAPER_RESULT_PROCEDURES: str({
    default: '*',
    example: '1.005129,2.000488',
    desc: 'Procedures (MaTTHC, comma-separated) that must return a paper result, for items 3.3 and 4.1; * every procedure',
  }),
  NATIONAL_SCORE_SANDBOX_FEE_PROCEDURES: str({
    default: '',
    example: '1.005129,2.000488',
    desc: 'Procedures (MaTTHC, comma-separated) with fees in the national procedure database; empty: those whose dossiers carry DanhSachLePhi',
  }),
  NATIONAL_SCORE_SANDBOX_POPULATION_DB_CODES: str({
    default: '1',
    desc: 'DSKetNoiCSDL[].MaCSDL values (comma-separated) that mean the national population database (item 4.6)',
  }),
  NATIONAL_SCORE_SANDBOX_FAULTS: faultPlan({
    default: NO_FAULTS,
    desc: 'Injected faults on the scoring endpoints, JSON: {"rate":0.3,"kinds":["5xx","429","timeout","drop","html"],"latencyMs":0,"timeoutMs":15000}',
  }),
};

export type NationalScoreSandboxConfig = ConfigOf<typeof nationalScoreSandboxConfigSpec>;
