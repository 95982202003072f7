import type { DossierEvent, PortalDossier, PortalProgress } from '@lienthong/schemas';
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

/** A shared dossier event to the portal's dossier record (DongBoHoSoMC data item). */
export function toPortalDossier(dossier: DossierEvent): PortalDossier {
  const { applicant, times } = dossier;
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
    DuocThanhToanTrucTuyen: flag(dossier.fees.some((fee) => fee.paidOnline)),
    HoSoCoThanhPhanSoHoa: flag(dossier.documents.some((document) => document.digitized)),
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
        DuocTaiSuDung: flag(document.reused),
        DuocLayTuKhoDMQG: flag(document.reused),
      }),
    ),
    DanhSachLePhi: dossier.fees.map((fee) => ({
      TenPhiLePhi: fee.name,
      MaPhiLePhi: fee.code,
      HinhThucThu: fee.paidOnline ? '2' : '1',
      Gia: String(fee.amount),
      LoaiPhiLePhi: '1',
    })),
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

/** The dossier event's latest processing step as a portal progress record, when it has one. */
export function toPortalProgress(dossier: DossierEvent): PortalProgress | undefined {
  const step = dossier.processing;
  if (!step?.handler) return undefined;
  return present({
    MaHoSo: dossier.dossierCode,
    NguoiXuLy: step.handler.slice(0, PORTAL_LIMITS.NguoiXuLy),
    ChucDanh: step.title ?? undefined,
    ThoiDiemXuLy: toPortalTime(dossier.provenance.eventTime),
    PhongBanXuLy: step.unit ?? undefined,
    NoiDungXuLy: step.content ?? undefined,
    TrangThai: String(dossier.status) as PortalProgress['TrangThai'],
    NgayBatDau: toPortalTime(dossier.times.receivedAt),
    NgayKetThucTheoQuyDinh: toPortalTime(dossier.times.dueAt),
  });
}
