/* Generated from schemas/ by `npm run schemas:types`. Do not edit. */

/**
 * One change of state of a payment request, published by the payment connector for the sector system and the rest of Lienthong (topic payment.v1, key = dossierCode). Each change is one event, in order; a paid payment never goes back. Once its receipt is fetched, a paid payment has one receipt update: its paid event again, with receiptUrl (not a change of state).
 */
export type PaymentEvent = {
  /**
   * requestId of the payment request this payment answers.
   */
  requestId: string;
  /**
   * Mã hồ sơ of the dossier whose fees are paid (as in dossier.v1).
   */
  dossierCode: string;
  /**
   * MaThamChieu: Lienthong's reference at the platform, unique per attempt and stable across retries (OpenCPS cuts references to 20 characters: keep them that short).
   */
  reference: string;
  /**
   * initiated: the platform created the transaction (paymentUrl given); paid: the platform confirmed it; failed: the platform reported it not paid; refused: the platform refused the request.
   */
  state: 'initiated' | 'paid' | 'failed' | 'refused';
  /**
   * The total asked, in whole VND.
   */
  amount: number;
  /**
   * national: the national payment platform; provincial: the province's own gateway.
   */
  channel: 'national' | 'provincial';
  /**
   * UrlThanhToan: where the sector system sends its citizen to pay.
   */
  paymentUrl?: string;
  /**
   * MaGiaoDich: the platform's transaction id, once it settled the payment.
   */
  platformTransactionId?: string;
  /**
   * MaNganHang: the bank the citizen paid with.
   */
  bank?: string;
  /**
   * Where the receipt PDF (GET_BILL) is served to operators (the console: <PAYMENT_RECEIPT_BASE_URL>/api/v1/payments/<reference>/receipt, an operator token, each read audited); only on the receipt update of a paid payment, after its paid event.
   */
  receiptUrl?: string;
  /**
   * Why the payment failed or was refused (the platform's MaLoi and MoTaLoi).
   */
  reason?: string;
  /**
   * When the state changed (ISO 8601).
   */
  at: string;
};
