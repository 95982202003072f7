import { createHash, timingSafeEqual } from 'node:crypto';
import { SignedFields, type PlatformResult } from './payment.contract';

export type SignedFieldOrder = (typeof SignedFields)[keyof typeof SignedFields];

/** The text MaXacThuc hashes: the fields in their order, then the secret, joined by `|`. */
export function checksumInput(
  message: Readonly<Record<string, unknown>>,
  order: SignedFieldOrder,
  secret: string,
): string {
  return [...order.map((field) => String(message[field] ?? '')), secret].join('|');
}

/** MaXacThuc: lowercase hex SHA-256 (a plain hash, not an HMAC) of the UTF-8 checksum input. */
export function checksumOf(
  message: Readonly<Record<string, unknown>>,
  order: SignedFieldOrder,
  secret: string,
): string {
  return createHash('sha256')
    .update(checksumInput(message, order, secret), 'utf8')
    .digest('hex');
}

/** The result's wire fields, as the result order names them. */
const resultFields = (result: PlatformResult) => ({
  LoaiBanTin: result.messageType,
  MaLoi: result.errorCode,
  MaDoiTac: result.partnerCode,
  MaThamChieu: result.reference,
  SoTien: result.amount,
  MaTienTe: result.currency,
  MaGiaoDich: result.transactionId,
  MaNganHang: result.bank,
  ThoiGianGD: result.time,
  ThongTinGiaoDich: result.text,
});

/** Whether a platform result carries the MaXacThuc of its fields (compared in constant time). */
export function resultVerifies(result: PlatformResult, secret: string): boolean {
  const expected = Buffer.from(checksumOf(resultFields(result), SignedFields.result, secret), 'utf8');
  const received = Buffer.from(result.checksum.toLowerCase(), 'utf8');
  return received.length === expected.length && timingSafeEqual(received, expected);
}
