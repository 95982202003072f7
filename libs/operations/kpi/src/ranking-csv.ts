import type { Ranking } from './kpi-report';
import { SCORING_TABLE } from './scoring-table';

const NOT_MEASURED = 'không đo được';

/**
 * Text a spreadsheet would run as a formula (OWASP, CSV injection): agency names and codes come from
 * the sector systems. Numbers are written as numbers, so a negative one stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The ranking as CSV (UTF-8 with a BOM, so spreadsheet programs read the Vietnamese names). */
export function rankingCsv(ranking: Ranking): string {
  const header = [
    'hang',
    'ma_co_quan',
    'ten_co_quan',
    'diem',
    'diem_toi_da_do_duoc',
    'ty_le_phan_tram',
    ...SCORING_TABLE.map((group) => `${group.id}_diem`),
    'tiep_nhan',
    'dung_han',
    'tre_han',
    'nop_truc_tuyen',
    'thanh_toan_truc_tuyen',
    'co_phi',
    'so_hoa',
    'tai_su_dung',
    'khong_hai_long',
  ];
  const rows = ranking.agencies.map((agency) => [
    agency.rank,
    agency.agencyCode,
    agency.name,
    agency.score.points,
    agency.score.measuredMax,
    agency.score.percent,
    ...agency.score.groups.map((group) => (group.points === null ? NOT_MEASURED : group.points)),
    agency.counts.received,
    agency.counts.onTime,
    agency.counts.overdue,
    agency.counts.online,
    agency.counts.paidOnline,
    agency.counts.withFees,
    agency.counts.digitized,
    agency.counts.reused,
    agency.counts.notSatisfied,
  ]);
  return '\uFEFF' + [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
