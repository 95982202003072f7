import { pick, type Random } from './citizen-registry';

/**
 * The testbed's Hà Nội agencies and procedures in today's two-tier structure (since July 2025: the
 * province's departments, and communes/wards; no districts), and which agency handles which
 * procedure. The simulator draws every dossier from here, so a sector system's dossiers land where
 * that sector is handled, never at random.
 */

/** The national lists' `departmentLevel`. */
export type AgencyLevel = 'PROVINCE' | 'COMMUNE';
/** The national lists' `departmentType`: a provincial department, or a commune/ward People's Committee. */
export type AgencyType = 'PROVINCIAL_DEPARTMENT' | 'ADMINISTRATIVE_UNIT';
export type Sector = 'civil-registry' | 'construction' | 'transport';
/** The sector systems the simulator plays. */
export type SimulatedSystem = 'motcua' | 'hotich' | 'gtvt';

export interface Agency {
  /** Four-part electronic code (Decision 20/2020); the civil registry writes it dotted (H26.12.03). */
  code: string;
  name: string;
  level: AgencyLevel;
  type: AgencyType;
  sectors: readonly Sector[];
  /** The revenue account its fees are paid into (a State Treasury collection account, 3511 "tạm thu", at the bank that collects for it). */
  revenue: { account: string; bank: string };
}

export interface Procedure {
  code: string;
  name: string;
  field: { code: string; name: string };
  applicant: 'CONG_DAN' | 'DOANH_NGHIEP';
  days: number;
  sector: Sector;
  /** The tier that decides it. */
  level: AgencyLevel;
  /** The sector systems that receive its dossiers. */
  systems: readonly SimulatedSystem[];
}

const department = (code: string, name: string, sectors: Sector[], revenue: Agency['revenue']): Agency => ({
  code,
  name,
  level: 'PROVINCE',
  type: 'PROVINCIAL_DEPARTMENT',
  sectors,
  revenue,
});

/** Every commune/ward People's Committee keeps a justice and civil-registry office and grants house permits. */
const commune = (code: string, name: string, revenue: Agency['revenue']): Agency => ({
  code,
  name,
  level: 'COMMUNE',
  type: 'ADMINISTRATIVE_UNIT',
  sectors: ['civil-registry', 'construction'],
  revenue,
});

export const AGENCIES: readonly Agency[] = [
  // Since March 2025 the construction department also holds transport (the transport department merged into it).
  department('000.00.15.H26', 'Sở Xây dựng Hà Nội', ['transport', 'construction'], {
    account: '3511.0.1009876',
    bank: 'BIDV',
  }),
  commune('000.00.12.H26', 'UBND phường Hoàn Kiếm', { account: '3511.0.1054318', bank: 'VCB' }),
  commune('000.00.13.H26', 'UBND phường Ba Đình', { account: '3511.0.1054321', bank: 'CTG' }),
  commune('000.00.21.H26', 'UBND phường Cầu Giấy', { account: '3511.0.1054355', bank: 'VCB' }),
  commune('000.00.40.H26', 'UBND xã Đông Anh', { account: '3511.0.1061204', bank: 'AGR' }),
];

export const PROCEDURES: readonly Procedure[] = [
  {
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    field: { code: 'G03-HT01', name: 'Hộ tịch' },
    applicant: 'CONG_DAN',
    days: 3,
    sector: 'civil-registry',
    level: 'COMMUNE',
    systems: ['hotich'],
  },
  {
    code: '1.000894',
    name: 'Đăng ký kết hôn',
    field: { code: 'G03-HT01', name: 'Hộ tịch' },
    applicant: 'CONG_DAN',
    days: 5,
    sector: 'civil-registry',
    level: 'COMMUNE',
    systems: ['hotich'],
  },
  {
    code: '1.005129',
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    field: { code: 'G09-XD02', name: 'Xây dựng' },
    applicant: 'CONG_DAN',
    days: 15,
    sector: 'construction',
    level: 'COMMUNE',
    systems: ['motcua'],
  },
  {
    code: '2.000488',
    name: 'Cấp giấy chứng nhận đủ điều kiện kinh doanh vận tải',
    field: { code: 'G16-DB03', name: 'Vận tải' },
    applicant: 'DOANH_NGHIEP',
    days: 10,
    sector: 'transport',
    level: 'PROVINCE',
    systems: ['gtvt', 'motcua'],
  },
  {
    code: '1.002835',
    name: 'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp',
    field: { code: 'G16-DB04', name: 'Đường bộ' },
    applicant: 'CONG_DAN',
    days: 5,
    sector: 'transport',
    level: 'PROVINCE',
    systems: ['gtvt'],
  },
];

/** The agencies that decide a procedure: its tier, its sector. */
export function agenciesHandling(procedure: Procedure): Agency[] {
  return AGENCIES.filter(
    (agency) => agency.level === procedure.level && agency.sectors.includes(procedure.sector),
  );
}

/** A procedure the system receives and an agency that handles it. */
export function pickAssignment(
  random: Random,
  system: SimulatedSystem,
): { procedure: Procedure; agency: Agency } {
  const procedure = pick(
    random,
    PROCEDURES.filter((candidate) => candidate.systems.includes(system)),
  );
  return { procedure, agency: pick(random, agenciesHandling(procedure)) };
}
