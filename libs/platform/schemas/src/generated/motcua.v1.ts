/* Generated from schemas/ by `npm run schemas:types`. Do not edit. */

export type OptionalText = string | null;

/**
 * A dossier event of the city's one-stop system (topic src.motcua.dossier-events). This schema checks shape and types; code tables and formats are checked by the mapper so that each rejection names its own reason.
 */
export interface MotcuaEvent {
  eventId: string;
  eventType?: string;
  occurredAt: string;
  version: number;
  hoSo: {
    maHoSo: string;
    soBienNhan?: OptionalText;
    maTTHC: string;
    tenTTHC?: OptionalText;
    maLinhVuc?: OptionalText;
    tenLinhVuc?: OptionalText;
    donViXuLy: {
      maDinhDanh: string;
      ten?: OptionalText;
    };
    kenhNop: string;
    chuHoSo: {
      loai: string;
      hoTen: string;
      soDinhDanh?: OptionalText;
      ngaySinh?: OptionalText;
      dienThoai?: OptionalText;
      email?: OptionalText;
    };
    trichYeu?: OptionalText;
    ngayNop?: OptionalText;
    ngayTiepNhan: string;
    ngayHenTra?: OptionalText;
    trangThai: string;
    ngayKetThucXuLy?: OptionalText;
    ngayTraKetQua?: OptionalText;
    ngayTuChoi?: OptionalText;
    thanhPhanHoSo?:
      | {
          ma: string;
          ten: string;
          tepDinhKem?: {
            id?: OptionalText;
            ten?: OptionalText;
            url?: OptionalText;
          } | null;
          daSoHoa?: boolean | null;
          taiSuDung?: boolean | null;
        }[]
      | null;
    lePhi?:
      | {
          ma: string;
          ten: string;
          soTien: number;
          daThanhToan?: boolean | null;
          hinhThuc?: OptionalText;
        }[]
      | null;
    yeuCauBoSung?:
      | {
          ma: string;
          nguoiYeuCau?: OptionalText;
          noiDung: string;
          ngayYeuCau?: OptionalText;
          ngayHenTraCu?: OptionalText;
          ngayHenTraMoi?: OptionalText;
          daBoSung?: boolean | null;
        }[]
      | null;
    ketQua?:
      | {
          ma: string;
          ten: string;
          url?: OptionalText;
          soKyHieu?: OptionalText;
        }[]
      | null;
    /**
     * The applicant's rating, sent on events after the result is returned (newer releases only).
     */
    danhGia?: {
      mucDo: string;
      thoiDiem?: OptionalText;
    } | null;
    xuLy?: {
      nguoiXuLy: string;
      chucDanh?: OptionalText;
      phongBan?: OptionalText;
      noiDung?: OptionalText;
    } | null;
  };
}
