import { signed, SignedFields } from './payment-checksum';
import { PlatformCode, type PlatformMessageBody } from './payment-platform.contract';
import type { HeldTransaction } from './payment-sandbox.store';

/**
 * The result fields of a transaction, signed in the result order: the body of a callback, and the core
 * of a QUERY answer. `SoTien` is a JSON number here. A pending transaction has no platform transaction
 * or bank yet and keeps its INIT time.
 */
export function resultMessage(
  transaction: HeldTransaction,
  messageType: string,
  code: string,
  secret: string,
): PlatformMessageBody {
  return signed(
    SignedFields.result,
    {
      LoaiBanTin: messageType,
      MaLoi: code,
      MaDoiTac: transaction.partner,
      MaThamChieu: transaction.reference,
      SoTien: transaction.amount,
      MaTienTe: 'VND',
      MaGiaoDich: transaction.transactionId ?? '',
      MaNganHang: transaction.bank ?? '',
      ThoiGianGD: transaction.settledTime ?? transaction.initTime,
      ThongTinGiaoDich: transaction.description,
    },
    secret,
  );
}

/** The callback's MaLoi: "00" paid, any other value not paid. */
export const callbackCode = (transaction: HeldTransaction): string =>
  transaction.state === 'paid' ? PlatformCode.Ok : PlatformCode.OtherError;
