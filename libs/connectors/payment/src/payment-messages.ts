import type { PaymentRequest } from '@lienthong/schemas';
import { checksumOf } from './payment-checksum';
import {
  INIT_FIXED,
  MessageType,
  SERVICE_PROCEDURE_FEES,
  SignedFields,
  type InitMessage,
  type LookupMessage,
  type ReceiptBlock,
} from './payment.contract';
import { paymentTime } from './payment-time';
import { transactionText } from './transaction-text';

/** Who we are at the platform and how we sign. */
export interface PaymentPartner {
  partnerCode: string;
  secret: string;
}

/** One attempt at a request: its reference, when its INIT was made, and the address it is made from. */
export interface PaymentAttempt {
  reference: string;
  initiatedAt: Date;
  /** Ip: the caller's address, as the platform sees it. */
  ip: string;
}

/** What the citizen pays: the total of the fee lines, in whole VND. */
export const totalOf = (request: Pick<PaymentRequest, 'fees'>): number =>
  request.fees.reduce((total, fee) => total + fee.amount, 0);

/** Optional receipt fields are left out rather than sent empty or null. */
const presentOnly = (fields: Record<string, string | null | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );

function receiptBlock(request: PaymentRequest, text: string): ReceiptBlock {
  const { procedure, agency, payer, beneficiary } = request;
  return {
    MaDichVu: SERVICE_PROCEDURE_FEES,
    // The request names the procedure only: it is the public service the fee is for.
    MaDVC: procedure.code,
    TenDVC: procedure.name,
    MaTTHC: procedure.code,
    TenTTHC: procedure.name,
    MaDonVi: agency.code,
    TenDonVi: agency.name,
    MaHoSo: request.dossierCode,
    TKThuHuong: beneficiary.account,
    MaNHThuHuong: beneficiary.bankCode,
    TenTKThuHuong: beneficiary.accountName,
    NoiDungThanhToan: text,
    HoTenNguoiNop: payer.name,
    ...presentOnly({
      SoCMNDNguoiNop: payer.identityNumber,
      DiaChiNguoiNop: payer.address,
      HuyenNguoiNop: payer.commune,
      TinhNguoiNop: payer.province,
    }),
    DSKhoanNop: request.fees.map((fee) => ({ NoiDung: fee.name, SoTien: String(fee.amount) })),
    PhiLePhi: request.fees.map((fee) => ({
      LoaiPhiLePhi: String(fee.kind) as '1' | '2',
      MaPhiLePhi: fee.code,
      TenPhiLePhi: fee.name,
      SoTien: String(fee.amount),
    })),
  };
}

/** INIT: create the transaction at the platform, signed in the INIT order. */
export function initMessage(
  request: PaymentRequest,
  attempt: PaymentAttempt,
  partner: PaymentPartner,
): InitMessage {
  const text = transactionText(request.dossierCode);
  const signed = {
    LoaiBanTin: MessageType.Init,
    PhienBan: INIT_FIXED.PhienBan,
    MaDoiTac: partner.partnerCode,
    MaThamChieu: attempt.reference,
    SoTien: String(totalOf(request)),
    LoaiHinhThanhToan: INIT_FIXED.LoaiHinhThanhToan,
    MaKenhThanhToan: INIT_FIXED.MaKenhThanhToan,
    MaThietBi: INIT_FIXED.MaThietBi,
    NgonNgu: INIT_FIXED.NgonNgu,
    MaTienTe: INIT_FIXED.MaTienTe,
    MaNganHang: INIT_FIXED.MaNganHang,
    ThongTinGiaoDich: text,
    ThoiGianGD: paymentTime(attempt.initiatedAt),
    Ip: attempt.ip,
  };
  return {
    ...signed,
    MaXacThuc: checksumOf(signed, SignedFields.init, partner.secret),
    ThongTinBienLai: receiptBlock(request, text),
  };
}

function lookupMessage(
  type: LookupMessage['LoaiBanTin'],
  reference: string,
  time: string,
  partner: PaymentPartner,
): LookupMessage {
  const signed = {
    LoaiBanTin: type,
    PhienBan: INIT_FIXED.PhienBan,
    MaDoiTac: partner.partnerCode,
    MaThamChieu: reference,
    ThoiGianGD: time,
  };
  return { ...signed, MaXacThuc: checksumOf(signed, SignedFields.lookup, partner.secret) };
}

/** QUERY: the state of a transaction; ThoiGianGD is its INIT's time. */
export const queryMessage = (reference: string, initiatedAt: Date, partner: PaymentPartner) =>
  lookupMessage(MessageType.Query, reference, paymentTime(initiatedAt), partner);

/** GET_BILL: the receipt of a paid transaction; ThoiGianGD is its INIT's time, like QUERY's. */
export const billMessage = (reference: string, initiatedAt: Date, partner: PaymentPartner) =>
  lookupMessage(MessageType.GetBill, reference, paymentTime(initiatedAt), partner);
