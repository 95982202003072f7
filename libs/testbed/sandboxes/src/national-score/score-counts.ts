import type { PortalDossier } from '@lienthong/schemas';
import { judgeOnTime } from './score-on-time';
import type { ScoringRules } from './score-table';
import type { SyncedDossier } from './synced-dossier';

/** What the national side knows of one unit in one period, drifts applied. */
export interface UnitDossiers {
  /** Synced dossiers received (NgayTiepNhan) in the period. */
  received: SyncedDossier[];
  /** Dossiers the national reporting system counted for the period that never reached the portal. */
  lost: number;
  /** Both counts over the year before the period's year (the fall-back denominator of item 1.4). */
  lastYearTotal: number;
  periodsPerYear: number;
  /** Dossiers given a "dislike" on the national portal. */
  disliked: ReadonlySet<string>;
  /** When unfinished dossiers are judged. */
  judgeAtMs: number;
}

export interface Count {
  numerator: number;
  denominator: number;
}

const ONLINE = '2';
const RESULT_DELIVERED = new Set(['9', '10']);
const PAID_ONLINE = new Set(['1', '2']);

const count = (dossiers: SyncedDossier[], test: (record: PortalDossier) => boolean) =>
  dossiers.filter(({ record }) => test(record)).length;
const procedures = (dossiers: SyncedDossier[], test: (record: PortalDossier) => boolean = () => true) =>
  new Set(dossiers.filter(({ record }) => test(record)).map(({ record }) => record.MaTTHC));
const files = (record: PortalDossier) => (record.TaiLieuNop ?? []).filter((file) => file.IsDeleted !== '1');
const hasResultLink = (record: PortalDossier) =>
  (record.DanhSachGiayToKetQua ?? []).some((paper) => Boolean(paper.DuongDanTepTinKetQua));
const hasResultCodeAndLink = (record: PortalDossier) =>
  (record.DanhSachGiayToKetQua ?? []).some(
    (paper) => Boolean(paper.DuongDanTepTinKetQua) && Boolean(paper.MaGiayToKetQua),
  );
const charges = (record: PortalDossier) => (record.DanhSachLePhi ?? []).some((fee) => Number(fee.Gia) !== 0);

/** Counts every computed item of the table for one unit; each is a numerator over a denominator. */
export function countItems(unit: UnitDossiers, rules: ScoringRules) {
  const { received } = unit;
  const paperResult = (record: PortalDossier) =>
    rules.paperResultProcedures === '*' || rules.paperResultProcedures.has(record.MaTTHC);
  const listedFees = procedures(received, (record) => (record.DanhSachLePhi ?? []).length > 0);
  const feeProcedure = (record: PortalDossier) =>
    (rules.feeProcedures.size > 0 ? rules.feeProcedures : listedFees).has(record.MaTTHC);
  const usedPopulationData = (record: PortalDossier) =>
    record.TaiKhoanDuocXacThucVoiVNeID === '1' ||
    files(record).some((file) => file.DuocLayTuKhoDMQG === '1') ||
    (record.DSKetNoiCSDL ?? []).some((link) => rules.populationDatabaseCodes.has(link.MaCSDL));
  const onlineCounted = (record: PortalDossier) =>
    record.KenhThucHien === ONLINE &&
    (!RESULT_DELIVERED.has(record.TrangThaiHoSo) || !paperResult(record) || hasResultCodeAndLink(record));
  const judgements = received.map(({ record, progress }) => ({
    record,
    ...judgeOnTime(record, progress, unit.judgeAtMs),
  }));
  const onTime = judgements.filter((judgement) => judgement.onTime).length;
  const disliked = count(received, (record) => unit.disliked.has(record.MaHoSo));
  const reported = received.length + unit.lost;
  const feeProcedures = procedures(received, feeProcedure);
  const obligations = received.filter(({ record }) => feeProcedure(record) && charges(record));
  const delivered = received.filter(
    ({ record }) => RESULT_DELIVERED.has(record.TrangThaiHoSo) && paperResult(record),
  );
  const counts: Record<string, Count> = {
    '1.4': {
      numerator: received.length,
      denominator: reported > 0 ? reported : unit.lastYearTotal / unit.periodsPerYear,
    },
    '2.1': { numerator: onTime, denominator: received.length },
    '3.2': {
      numerator: procedures(received, (record) => record.KenhThucHien === ONLINE).size,
      denominator: procedures(received).size,
    },
    '3.3': { numerator: count(received, onlineCounted), denominator: received.length },
    '3.4': {
      numerator: procedures(received, (record) => feeProcedure(record) && paid(record)).size,
      denominator: feeProcedures.size,
    },
    '3.5': {
      numerator: procedures(received, (r) => feeProcedure(r) && charges(r)).size,
      denominator: feeProcedures.size,
    },
    '3.6': { numerator: count(obligations, paid), denominator: obligations.length },
    '4.1': { numerator: count(delivered, hasResultLink), denominator: delivered.length },
    '4.2': {
      numerator: count(received, (record) => files(record).some((file) => file.DuocSoHoa === '1')),
      denominator: received.length,
    },
    '4.3': {
      numerator: count(received, (record) => record.HoSoCoThanhPhanSoHoa === '1'),
      denominator: received.length,
    },
    '4.5': {
      numerator: count(
        received,
        (record) => files(record).some((file) => file.DuocLayTuKhoDMQG === '1') || hasResultLink(record),
      ),
      denominator: received.length,
    },
    '4.6': { numerator: count(received, usedPopulationData), denominator: received.length },
    '4.7': {
      numerator: procedures(received, usedPopulationData).size,
      denominator: procedures(received).size,
    },
    '5.4': { numerator: Math.max(0, onTime - disliked), denominator: received.length },
  };
  return { counts, judgements, onTime, disliked, obligations, feeProcedures };
}

export const paid = (record: PortalDossier) => PAID_ONLINE.has(record.DuocThanhToanTrucTuyen ?? '0');
export const online = (record: PortalDossier) => record.KenhThucHien === ONLINE;
export { charges };
