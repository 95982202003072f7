import {
  paidThroughOwnGateway,
  type DossierEvent,
  type PortalDossier,
  type PortalProgress,
} from '@lienthong/schemas';
import {
  NEUTRAL_HANDLER,
  PortalDatabaseCode,
  PortalFeeCollectionCode,
  PortalPaymentCode,
  PortalReuseCode,
} from './portal-fields';
import { PORTAL_LIMITS } from './portal.contract';

/** Shared-schema time (ISO 8601, +07:00) to the portal's yyyyMMddHHmmss local time. */
export function toPortalTime(localIso: string): string;
export function toPortalTime(localIso: string | undefined): string | undefined;
export function toPortalTime(localIso: string | undefined): string | undefined {
  return localIso === undefined ? undefined : localIso.slice(0, 19).replace(/\D/g, '');
}

const flag = (value: boolean): '0' | '1' => (value ? '1' : '0');

/** Leaves out absent values: the portal takes only strings. */
function present<T extends object>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined && value !== null),
  ) as T;
}

/** What the portal record says that the dossier event itself does not carry. */
export interface PortalFacts {
  /** The applicant was verified in the national population database (identity.verified.v1). */
  populationVerified?: boolean;
  /** The national payment platform confirmed the dossier's payment through Lienthong (payment.v1). */
  nationalPaymentConfirmed?: boolean;
}

/**
 * DuocThanhToanTrucTuyen: 1 only when the national platform confirmed the payment through Lienthong,
 * 2 when the source reports a fee paid through the province's own gateway, 0 otherwise. A source's
 * say-so never makes a 1 (DOMAIN.md: from the channel that confirmed, never from a constant).
 */
export function onlinePaymentCode(
  fees: DossierEvent['fees'],
  nationalPaymentConfirmed: boolean,
): NonNullable<PortalDossier['DuocThanhToanTrucTuyen']> {
  if (nationalPaymentConfirmed) return PortalPaymentCode.NationalPlatform;
  return fees.some(paidThroughOwnGateway) ? PortalPaymentCode.OwnGateway : PortalPaymentCode.NotOnline;
}

type PortalFee = NonNullable<PortalDossier['DanhSachLePhi']>[number];

/** A fee line paid through the national platform: every line with a price (a free one is collected by nobody). */
const paidOnThePlatform = (fee: PortalFee): PortalFee =>
  Number(fee.Gia) > 0 ? { ...fee, HinhThucThu: PortalFeeCollectionCode.Online } : fee;

const collectedOnline = (fee: PortalFee) => paidOnThePlatform(fee).HinhThucThu === fee.HinhThucThu;

/**
 * The record with the national platform's confirmation of its payment: DuocThanhToanTrucTuyen 1 and its
 * fee lines paid online; the same object when it already says so. Never the other way: a paid payment
 * does not go back.
 */
export function withNationalPayment(record: PortalDossier): PortalDossier {
  const fees = record.DanhSachLePhi ?? [];
  if (record.DuocThanhToanTrucTuyen === PortalPaymentCode.NationalPlatform && fees.every(collectedOnline))
    return record;
  return present({
    ...record,
    DuocThanhToanTrucTuyen: PortalPaymentCode.NationalPlatform,
    DanhSachLePhi: record.DanhSachLePhi?.map(paidOnThePlatform),
  });
}

type SubmittedDocument = DossierEvent['documents'][number];

function reuse(document: SubmittedDocument) {
  if (document.replacesResult) {
    return { DuocTaiSuDung: PortalReuseCode.Replaced, MaKetQuaThayThe: document.replacesResult };
  }
  return { DuocTaiSuDung: document.reused ? PortalReuseCode.Reused : PortalReuseCode.No };
}

const optionalFlag = (value: boolean | null | undefined) =>
  value === null || value === undefined ? undefined : flag(value);

const POPULATION_DATABASE = { MaCSDL: PortalDatabaseCode.Population };

const checkedAgainstPopulation = (record: PortalDossier) =>
  record.DSKetNoiCSDL?.some(({ MaCSDL }) => MaCSDL === PortalDatabaseCode.Population) === true;

/** The record saying whether the applicant was verified in the population database; the same object when it does. */
export function withPopulationCheck(record: PortalDossier, verified: boolean): PortalDossier {
  if (checkedAgainstPopulation(record) === verified) return record;
  const others = (record.DSKetNoiCSDL ?? []).filter(({ MaCSDL }) => MaCSDL !== PortalDatabaseCode.Population);
  const databases = verified ? [...others, POPULATION_DATABASE] : others;
  return present({ ...record, DSKetNoiCSDL: databases.length > 0 ? databases : undefined });
}

/** A shared dossier event to the portal's dossier record (DongBoHoSoMC data item). */
export function toPortalDossier(dossier: DossierEvent, facts: PortalFacts = {}): PortalDossier {
  const { applicant, times } = dossier;
  const paidOnPlatform = facts.nationalPaymentConfirmed === true;
  return present({
    MaHoSo: dossier.dossierCode,
    MaTTHC: dossier.procedure.code,
    TenTTHC: dossier.procedure.name ?? undefined,
    MaLinhVuc: dossier.field?.code,
    TenLinhVuc: dossier.field?.name ?? undefined,
    SoBienNhan: dossier.receiptNumber ?? undefined,
    KenhThucHien: String(dossier.channel) as PortalDossier['KenhThucHien'],
    ChuHoSo: applicant.name,
    SoGiayToChuHoSo: applicant.identity?.number,
    LoaiDoiTuong: String(applicant.type) as PortalDossier['LoaiDoiTuong'],
    MaDoiTuong: applicant.code ?? undefined,
    Email: applicant.email ?? undefined,
    SoDienThoai: applicant.phone ?? undefined,
    TrichYeuHoSo: dossier.summary?.slice(0, PORTAL_LIMITS.TrichYeuHoSo),
    NgayNopHoSo: toPortalTime(times.submittedAt),
    NgayTiepNhan: toPortalTime(times.receivedAt),
    NgayHenTra: toPortalTime(times.dueAt),
    TrangThaiHoSo: String(dossier.status) as PortalDossier['TrangThaiHoSo'],
    NgayKetThucXuLy: toPortalTime(times.finishedAt),
    NgayTra: toPortalTime(times.returnedAt),
    NgayTuChoi: toPortalTime(times.rejectedAt),
    DonViXuLy: dossier.agency.name ?? dossier.agency.code,
    NoiNopHoSo: dossier.submissionPlace ?? undefined,
    HinhThuc: dossier.resultDelivery ?? undefined,
    DuocThanhToanTrucTuyen: onlinePaymentCode(dossier.fees, paidOnPlatform),
    TaiKhoanDuocXacThucVoiVNeID: optionalFlag(applicant.vneidVerified),
    HoSoCoThanhPhanSoHoa: flag(dossier.documents.some((document) => document.digitized)),
    DSKetNoiCSDL: facts.populationVerified ? [POPULATION_DATABASE] : undefined,
    DinhDanhCHS: applicant.identity
      ? [
          {
            LoaiDinhDanh: applicant.identity.kind === 'CCCD' ? '1' : '2',
            SoDinhDanh: applicant.identity.number,
          },
        ]
      : [],
    TaiLieuNop: dossier.documents.map((document) =>
      present({
        TepDinhKemId: document.fileId ?? undefined,
        TenTepDinhKem: document.fileName ?? document.name,
        IsDeleted: flag(false),
        MaThanhPhanHoSo: document.code,
        DuongDanTaiTepTin: document.url ?? undefined,
        DuocSoHoa: flag(document.digitized),
        ...reuse(document),
        DuocLayTuKhoDMQG: flag(document.fromNationalWarehouse === true),
      }),
    ),
    DanhSachLePhi: dossier.fees.map((fee) => {
      const line = {
        TenPhiLePhi: fee.name,
        MaPhiLePhi: fee.code,
        HinhThucThu: paidThroughOwnGateway(fee)
          ? PortalFeeCollectionCode.Online
          : PortalFeeCollectionCode.Direct,
        Gia: String(fee.amount),
        LoaiPhiLePhi: '1',
      };
      return paidOnPlatform ? paidOnThePlatform(line) : line;
    }),
    DanhSachHoSoBoSung: dossier.supplementRequests.map((request) =>
      present({
        HoSoBoSungId: request.id,
        NguoiYeuCauBoSung: request.requestedBy ?? undefined,
        NoiDungBoSung: request.content,
        NgayBoSung: toPortalTime(request.requestedAt),
        NgayHenTraTruoc: toPortalTime(request.previousDueAt),
        NgayHenTraMoi: toPortalTime(request.newDueAt),
        TrangThaiBoSung: flag(request.fulfilled === true),
      }),
    ),
    DanhSachGiayToKetQua: dossier.results.map((result) =>
      present({
        TenGiayTo: result.name,
        MaThanhPhanHoSo: result.code,
        GiayToId: result.number ?? undefined,
        DuongDanTepTinKetQua: result.url ?? undefined,
        MaGiayToKetQua: result.code,
      }),
    ),
  });
}

/**
 * The dossier event as a portal progress record. Every event gives one, so that every status time
 * reaches the portal (the national on-time score reads them): when the source names no handler, the
 * handling department stands in, or a neutral officer title.
 */
export function toPortalProgress(dossier: DossierEvent): PortalProgress {
  const step = dossier.processing;
  const handler = step?.handler || step?.unit || dossier.agency.name || NEUTRAL_HANDLER;
  return present({
    MaHoSo: dossier.dossierCode,
    NguoiXuLy: handler.slice(0, PORTAL_LIMITS.NguoiXuLy),
    ChucDanh: step?.title ?? undefined,
    ThoiDiemXuLy: toPortalTime(dossier.provenance.eventTime),
    PhongBanXuLy: step?.unit ?? dossier.agency.name ?? undefined,
    NoiDungXuLy: step?.content ?? undefined,
    TrangThai: String(dossier.status) as PortalProgress['TrangThai'],
    NgayBatDau: toPortalTime(dossier.times.receivedAt),
    NgayKetThucTheoQuyDinh: toPortalTime(dossier.times.dueAt),
  });
}
