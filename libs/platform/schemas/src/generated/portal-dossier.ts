/* Generated from schemas/ by `npm run schemas:types`. Do not edit. */

export type PortalTime = string;

/**
 * A dossier record of the National Public Service Portal (DongBoHoSoMC data item, TraCuuHoSo result). All values are strings; dates are yyyyMMddHHmmss in Asia/Ho_Chi_Minh time.
 */
export interface PortalDossier {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC?: string;
  MaLinhVuc?: string;
  TenLinhVuc?: string;
  SoBienNhan?: string;
  KenhThucHien: '1' | '2' | '3';
  ChuHoSo: string;
  SoGiayToChuHoSo?: string;
  LoaiDoiTuong: '1' | '2' | '3' | '4';
  MaDoiTuong?: string;
  ThongTinKhac?: string;
  Email?: string;
  Fax?: string;
  SoDienThoai?: string;
  TrichYeuHoSo?: string;
  NgayTiepNhan: PortalTime;
  NgayHenTra?: PortalTime;
  TrangThaiHoSo: '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10';
  NgayTra?: PortalTime;
  ThongTinTra?: string;
  HinhThuc?: string;
  NgayKetThucXuLy?: PortalTime;
  DonViXuLy?: string;
  GhiChu?: string;
  NgayNopHoSo?: PortalTime;
  NgayTuChoi?: PortalTime;
  /**
   * 0 not paid online; 1 the national portal's payment platform; 2 a ministry's or the province's own gateway (some clients send 3).
   */
  DuocThanhToanTrucTuyen?: '0' | '1' | '2' | '3';
  TaiKhoanDuocXacThucVoiVNeID?: '0' | '1';
  HoSoCoThanhPhanSoHoa?: '0' | '1';
  DinhDanhCHS?: {
    LoaiDinhDanh: '1' | '2';
    SoDinhDanh: string;
  }[];
  TaiLieuNop?: {
    TepDinhKemId?: string;
    TenTepDinhKem: string;
    IsDeleted?: '0' | '1';
    MaThanhPhanHoSo: string;
    DuongDanTaiTepTin?: string;
    DuocSoHoa?: '0' | '1';
    /**
     * 0 no; 1 reused from an earlier result; 2 replaced, with MaKetQuaThayThe naming the result it replaces.
     */
    DuocTaiSuDung?: '0' | '1' | '2';
    DuocLayTuKhoDMQG?: '0' | '1';
    MaKetQuaThayThe?: string;
  }[];
  DanhSachLePhi?: {
    TenPhiLePhi: string;
    MaPhiLePhi?: string;
    HinhThucThu?: string;
    Gia: string;
    LoaiPhiLePhi?: string;
  }[];
  DanhSachHoSoBoSung?: {
    HoSoBoSungId: string;
    NguoiYeuCauBoSung?: string;
    NoiDungBoSung: string;
    NgayBoSung?: PortalTime;
    NgayHenTraTruoc?: PortalTime;
    NgayHenTraMoi?: PortalTime;
    TrangThaiBoSung?: string;
  }[];
  DanhSachGiayToKetQua?: {
    TenGiayTo: string;
    MaThanhPhanHoSo?: string;
    GiayToId?: string;
    DuongDanTepTinKetQua?: string;
    MaGiayToKetQua?: string;
  }[];
  NoiNopHoSo?: string;
  /**
   * National databases the dossier's data was checked against.
   */
  DSKetNoiCSDL?: {
    MaCSDL: string;
  }[];
}
