import { SignedFields } from './payment-checksum';
import { InitDefaults, isPlatformTime, type PlatformMessageBody } from './payment-platform.contract';

/** An INIT the platform accepts, read from its message. */
export interface InitRequest {
  reference: string;
  partner: string;
  amount: number;
  description: string;
  initTime: string;
  receipt: PlatformMessageBody;
  /** What a repeat must match to be the same request: everything but the time, the caller's address and the checksum. */
  content: string;
}

/** An INIT field the platform refuses, and why (in the answer's MoTaLoi). */
export class InitRefusal extends Error {
  constructor(
    readonly field: string,
    readonly why: string,
  ) {
    super(`${field}: ${why}`);
    this.name = InitRefusal.name;
  }
}

const WHOLE_VND = /^[1-9]\d*$/;
/** ThongTinGiaoDich carries no diacritics ("THANH TOAN HO SO {MaHoSo}"). */
const PLAIN_TEXT = /^[\x20-\x7e]+$/;
/** ThongTinBienLai fields mandatory when MaDichVu is "2" (procedure fees and charges). */
const FEE_RECEIPT_FIELDS = ['MaDonVi', 'TenDonVi', 'MaHoSo'] as const;
const REPEAT_MAY_DIFFER = new Set(['ThoiGianGD', 'Ip', 'MaXacThuc']);

const isRecord = (value: unknown): value is PlatformMessageBody =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON with keys sorted at every level, so that two equal messages give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (!isRecord(value)) return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
}

function text(message: PlatformMessageBody, field: string): string {
  const value = message[field];
  if (typeof value !== 'string' || value.trim() === '')
    throw new InitRefusal(field, 'phải là chuỗi, không rỗng');
  return value;
}

/** The lines of a receipt list (PhiLePhi, DSKhoanNop) must add up to the amount asked. */
function checkLines(receipt: PlatformMessageBody, list: string, amount: number, required: boolean): void {
  const lines = receipt[list];
  if (lines === undefined && !required) return;
  if (!Array.isArray(lines) || lines.length === 0)
    throw new InitRefusal(list, 'phải là danh sách không rỗng');
  let total = 0;
  lines.forEach((line: unknown, index) => {
    const where = `${list}[${index}]`;
    if (!isRecord(line)) throw new InitRefusal(where, 'phải là đối tượng');
    const lineAmount = text(line, 'SoTien');
    if (!WHOLE_VND.test(lineAmount)) throw new InitRefusal(`${where}.SoTien`, 'phải là số nguyên dương');
    if (list === 'PhiLePhi' && !['1', '2'].includes(text(line, 'LoaiPhiLePhi'))) {
      throw new InitRefusal(`${where}.LoaiPhiLePhi`, 'phải là "1" (phí) hoặc "2" (lệ phí)');
    }
    total += Number(lineAmount);
  });
  if (total !== amount) throw new InitRefusal(list, `tổng ${total} khác SoTien ${amount}`);
}

function checkReceipt(message: PlatformMessageBody, amount: number): PlatformMessageBody {
  const receipt = message.ThongTinBienLai;
  if (!isRecord(receipt)) throw new InitRefusal('ThongTinBienLai', 'phải là đối tượng');
  const service = text(receipt, 'MaDichVu');
  if (service !== '1' && service !== '2')
    throw new InitRefusal('ThongTinBienLai.MaDichVu', 'phải là "1" hoặc "2"');
  if (service === '2') for (const field of FEE_RECEIPT_FIELDS) text(receipt, field);
  checkLines(receipt, 'PhiLePhi', amount, service === '2');
  checkLines(receipt, 'DSKhoanNop', amount, false);
  return receipt;
}

/** Reads an INIT as the platform checks it; throws an InitRefusal naming the first bad field. */
export function readInit(message: PlatformMessageBody): InitRequest {
  for (const field of SignedFields.init) text(message, field);
  for (const [field, value] of Object.entries(InitDefaults)) {
    if (message[field] !== value) throw new InitRefusal(field, `phải là "${value}"`);
  }
  const amountText = text(message, 'SoTien');
  if (!WHOLE_VND.test(amountText)) throw new InitRefusal('SoTien', 'phải là chuỗi số nguyên dương (VND)');
  const amount = Number(amountText);
  const description = text(message, 'ThongTinGiaoDich');
  if (!PLAIN_TEXT.test(description)) throw new InitRefusal('ThongTinGiaoDich', 'không được có dấu');
  const initTime = text(message, 'ThoiGianGD');
  if (!isPlatformTime(initTime)) throw new InitRefusal('ThoiGianGD', 'phải là yyyyMMddHHmmss (24 giờ)');
  const receipt = checkReceipt(message, amount);
  const comparable = Object.fromEntries(
    Object.entries(message).filter(([key]) => !REPEAT_MAY_DIFFER.has(key)),
  );
  return {
    reference: text(message, 'MaThamChieu'),
    partner: text(message, 'MaDoiTac'),
    amount,
    description,
    initTime,
    receipt,
    content: canonical(comparable),
  };
}
