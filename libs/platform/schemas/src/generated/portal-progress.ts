/* Generated from schemas/ by `npm run schemas:types`. Do not edit. */

export type PortalTime = string;

/**
 * A processing-progress record of the National Public Service Portal (CapNhatTienDoHoSoMC data item).
 */
export interface PortalProgress {
  MaHoSo: string;
  NguoiXuLy: string;
  ChucDanh?: string;
  ThoiDiemXuLy: PortalTime;
  PhongBanXuLy?: string;
  NoiDungXuLy?: string;
  TrangThai: '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10';
  NgayBatDau?: PortalTime;
  NgayKetThucTheoQuyDinh?: PortalTime;
}
