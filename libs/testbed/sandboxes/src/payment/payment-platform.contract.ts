/**
 * The national payment platform's side of the fee-payment contract, written from DOMAIN.md ("National
 * payment platform") and the golden files in test/fixtures/contracts/payment, never from the payment
 * connector's client: a contract misread once must fail a test, not be mirrored on both sides.
 */

/** `LoaiBanTin` of the messages a province sends; one URL serves all three. */
export const MessageType = { Init: 'INIT', Query: 'QUERY', GetBill: 'GET_BILL' } as const;
export type MessageTypeName = (typeof MessageType)[keyof typeof MessageType];

/** The values DOMAIN.md gives for every INIT. */
export const InitDefaults = {
  PhienBan: '1.0.6',
  LoaiHinhThanhToan: 'PAY',
  MaTienTe: 'VND',
} as const;

/** `MaLoi`: "00" is success; "99" ("other error") is the only failure code public clients know. */
export const PlatformCode = { Ok: '00', OtherError: '99' } as const;

/** `TrangThaiGD` of a QUERY answer. */
export const TransactionState = { Paid: '1', Pending: '3', Failed: '4' } as const;

/** The platform's Vietnamese `MoTaLoi` texts, which clients keep and show. */
export const PlatformMessage = {
  Ok: 'Thành công',
  Other: 'Các lỗi khác',
  WrongChecksum: 'Sai mã xác thực',
  UnknownPartner: 'Mã đối tác không hợp lệ',
  UnknownMessageType: 'Loại bản tin không hợp lệ',
  UnknownTransaction: 'Không tìm thấy giao dịch',
  DuplicateReference: 'Mã tham chiếu đã tồn tại với nội dung khác',
  NotPaid: 'Giao dịch chưa được thanh toán',
  invalidField: (field: string, why: string) => `Trường ${field} không hợp lệ: ${why}`,
} as const;

/**
 * How an INIT answer is written: `direct` `{MaLoi, MoTaLoi, …, UrlThanhToan}` (OpenCPS) or
 * `gateway-wrapper` `{error_code, message: "<the direct answer as a JSON string>"}` (Thanh Hóa).
 */
export const ANSWER_STYLES = ['direct', 'gateway-wrapper'] as const;
export type AnswerStyle = (typeof ANSWER_STYLES)[number];

/** A JSON message as it travels: field name to value. */
export type PlatformMessageBody = Record<string, unknown>;

/** What the platform endpoint answers: JSON, or a receipt PDF for GET_BILL. */
export type PlatformAnswer = { status: number; json: PlatformMessageBody } | { status: number; pdf: Buffer };

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `ThoiGianGD`: yyyyMMddHHmmss, 24-hour, Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving). */
export function platformTime(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** Whether a `ThoiGianGD` is a real 24-hour time, written as the contract says. */
export function isPlatformTime(value: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const sameDay = at.getUTCDate() === day && at.getUTCMonth() === month - 1;
  return sameDay && hour < 24 && minute < 60 && second < 60;
}
