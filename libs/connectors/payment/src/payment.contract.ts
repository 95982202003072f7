/**
 * The national payment platform's contract (DOMAIN.md, "National payment platform") as the connector
 * reads it, in one place. The platform sandbox keeps its own, written separately, so that a misread
 * contract is not mirrored on both sides. Values are strings on the wire unless noted.
 */
export const MessageType = { Init: 'INIT', Query: 'QUERY', GetBill: 'GET_BILL' } as const;

/** The fixed values of every INIT we send. */
export const INIT_FIXED = {
  PhienBan: '1.0.6',
  LoaiHinhThanhToan: 'PAY',
  MaKenhThanhToan: '1',
  MaThietBi: '1',
  NgonNgu: 'vi-VN',
  MaTienTe: 'VND',
  MaNganHang: 'PAYMENT',
} as const;

/** MaDichVu "2": procedure fees and charges (the receipt then needs MaDonVi, TenDonVi, MaHoSo). */
export const SERVICE_PROCEDURE_FEES = '2';

/** MaLoi "00" = success everywhere; "99" = other error, the one failure code known. */
export const ErrorCode = { Success: '00', Other: '99' } as const;
/** The gateway wrapper's error_code for success (Thanh Hóa's form of the INIT answer). */
export const WRAPPER_SUCCESS = '0';
export const Description = { Success: 'Thành công', Other: 'Các lỗi khác' } as const;

/** TrangThaiGD in a QUERY answer. */
export const TransactionState = { Paid: '1', Pending: '3', Failed: '4' } as const;

/** The fields each MaXacThuc covers, in order, the secret after the last (DOMAIN.md). */
export const SignedFields = {
  init: [
    'LoaiBanTin',
    'PhienBan',
    'MaDoiTac',
    'MaThamChieu',
    'SoTien',
    'LoaiHinhThanhToan',
    'MaKenhThanhToan',
    'MaThietBi',
    'NgonNgu',
    'MaTienTe',
    'MaNganHang',
    'ThongTinGiaoDich',
    'ThoiGianGD',
    'Ip',
  ],
  result: [
    'LoaiBanTin',
    'MaLoi',
    'MaDoiTac',
    'MaThamChieu',
    'SoTien',
    'MaTienTe',
    'MaGiaoDich',
    'MaNganHang',
    'ThoiGianGD',
    'ThongTinGiaoDich',
  ],
  lookup: ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'],
} as const;

export interface FeeLine {
  /** "1" phí (charge), "2" lệ phí (fee). */
  LoaiPhiLePhi: '1' | '2';
  MaPhiLePhi: string;
  TenPhiLePhi: string;
  SoTien: string;
}

/** ThongTinBienLai for MaDichVu "2"; not signed. */
export interface ReceiptBlock {
  MaDichVu: typeof SERVICE_PROCEDURE_FEES;
  MaDVC: string;
  TenDVC: string;
  MaTTHC: string;
  TenTTHC: string;
  MaDonVi: string;
  TenDonVi: string;
  MaHoSo: string;
  TKThuHuong: string;
  MaNHThuHuong: string;
  TenTKThuHuong: string;
  NoiDungThanhToan: string;
  HoTenNguoiNop: string;
  SoCMNDNguoiNop?: string;
  DiaChiNguoiNop?: string;
  HuyenNguoiNop?: string;
  TinhNguoiNop?: string;
  DSKhoanNop: { NoiDung: string; SoTien: string }[];
  PhiLePhi: FeeLine[];
}

export interface InitMessage {
  LoaiBanTin: typeof MessageType.Init;
  PhienBan: string;
  MaDoiTac: string;
  MaThamChieu: string;
  /** Whole VND, a string. */
  SoTien: string;
  LoaiHinhThanhToan: string;
  MaKenhThanhToan: string;
  MaThietBi: string;
  NgonNgu: string;
  MaTienTe: string;
  MaNganHang: string;
  ThongTinGiaoDich: string;
  ThoiGianGD: string;
  Ip: string;
  MaXacThuc: string;
  ThongTinBienLai: ReceiptBlock;
}

/** QUERY and GET_BILL: the same fields, the same checksum order. */
export interface LookupMessage {
  LoaiBanTin: typeof MessageType.Query | typeof MessageType.GetBill;
  PhienBan: string;
  MaDoiTac: string;
  MaThamChieu: string;
  /** The INIT's time. */
  ThoiGianGD: string;
  MaXacThuc: string;
}

/** A platform result (callback, or the result fields of a QUERY answer), as received and verified. */
export interface PlatformResult {
  /** LoaiBanTin as received: its value is not public, the checksum covers what came. */
  messageType: string;
  errorCode: string;
  partnerCode: string;
  reference: string;
  /** SoTien: a JSON number on the wire, hashed as a plain integer. */
  amount: number;
  currency: string;
  /** MaGiaoDich, empty while the platform has none. */
  transactionId: string;
  bank: string;
  time: string;
  text: string;
  checksum: string;
}

/** The answer our callback endpoint gives in the same HTTP exchange. */
export interface CallbackAnswer {
  MaLoi: string;
  MoTaLoi: string;
  MaDoiTac: string;
  MaThamChieu: string;
  ThoiGianGD: string;
  MaXacThuc: string;
}
