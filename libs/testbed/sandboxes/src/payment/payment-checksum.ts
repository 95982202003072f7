import { createHash, timingSafeEqual } from 'node:crypto';
import type { PlatformMessageBody } from './payment-platform.contract';

/**
 * The fields each `MaXacThuc` covers, in order (DOMAIN.md). `ThongTinBienLai` is never signed, and
 * neither is a QUERY answer's `TrangThaiGD`.
 */
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
  /** The result: the callback and the QUERY answer. */
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
  /** QUERY and GET_BILL. */
  lookup: ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'],
} as const;
export type SignedFieldOrder = (typeof SignedFields)[keyof typeof SignedFields];

/** The UTF-8 text hashed: the fields' values joined by `|`, the shared secret last; `SoTien` as a plain integer. */
export function checksumInput(
  fields: readonly string[],
  message: PlatformMessageBody,
  secret: string,
): string {
  const values = fields.map((field) => {
    const value = message[field];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  });
  return [...values, secret].join('|');
}

/** `MaXacThuc`: the lowercase hex SHA-256 of the input (a plain hash, not an HMAC). */
export function checksumOf(input: string): string {
  return createHash('sha256').update(input, 'utf8').digest('hex');
}

/** The message with its `MaXacThuc` over the given fields. */
export function signed<T extends PlatformMessageBody>(
  fields: readonly string[],
  message: T,
  secret: string,
): T & { MaXacThuc: string } {
  return { ...message, MaXacThuc: checksumOf(checksumInput(fields, message, secret)) };
}

/** Whether the message's `MaXacThuc` is the one its fields and the secret give. */
export function checksumMatches(
  fields: readonly string[],
  message: PlatformMessageBody,
  secret: string,
): boolean {
  const given = message.MaXacThuc;
  if (typeof given !== 'string') return false;
  const expected = checksumOf(checksumInput(fields, message, secret));
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
