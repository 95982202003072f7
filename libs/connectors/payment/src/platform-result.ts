import { RetriableError } from '@lienthong/connector-runtime';
import type { PlatformResult } from './payment.contract';

type Fields = Readonly<Record<string, unknown>>;

/** An answer that is not what the platform sends: a proxy's page, a cut body. It may pass: try again. */
export const badAnswer = (what: string, why: string) =>
  new RetriableError('PAYMENT_BAD_ANSWER', `the payment platform's ${what} cannot be read: ${why}`);

/** A JSON body as axios or the HTTP server hands it over: already parsed, a string, or bytes. */
export function jsonObject(body: unknown, what: string): Fields {
  let value = body;
  if (Buffer.isBuffer(value)) value = value.toString('utf8');
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw badAnswer(what, 'not JSON');
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badAnswer(what, 'not a JSON object');
  }
  return value as Fields;
}

/** A string field; numbers are taken as their text (some platforms send codes as numbers). */
export function textField(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** SoTien of a result: a JSON number (DOMAIN.md); a string of digits is taken too. */
function amountField(fields: Fields): number | undefined {
  const value = fields.SoTien;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return undefined;
}

const REQUIRED = ['LoaiBanTin', 'MaLoi', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD', 'MaXacThuc'] as const;

/**
 * The result fields (callback, QUERY answer), or the names of those missing. MaGiaoDich and MaNganHang
 * may be empty or absent while the platform has no transaction yet; they are hashed as empty then.
 */
export function readPlatformResult(
  fields: Fields,
): { result: PlatformResult; missing?: undefined } | { missing: string[] } {
  const missing: string[] = REQUIRED.filter((name) => !textField(fields, name));
  const amount = amountField(fields);
  if (amount === undefined) missing.push('SoTien');
  if (missing.length > 0 || amount === undefined) return { missing };
  const text = (name: string) => textField(fields, name) ?? '';
  return {
    result: {
      messageType: text('LoaiBanTin'),
      errorCode: text('MaLoi'),
      partnerCode: text('MaDoiTac'),
      reference: text('MaThamChieu'),
      amount,
      currency: text('MaTienTe'),
      transactionId: text('MaGiaoDich'),
      bank: text('MaNganHang'),
      time: text('ThoiGianGD'),
      text: text('ThongTinGiaoDich'),
      checksum: text('MaXacThuc'),
    },
  };
}
