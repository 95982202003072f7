/* Generated from schemas/ by `npm run schemas:types`. Do not edit. */

export type OptionalText = string | null;

/**
 * A sector system asks Lienthong for the online payment of a dossier's fees (topic src.<system>.payment-requests, key = dossierCode, never trusted over the payload). This schema checks shape, types, codes and amounts; the total of the fees (at most 1,000,000,000 VND) cannot be a schema rule and is checked by the payment connector, which dead-letters a larger total with its reason.
 */
export interface PaymentRequest {
  /**
   * Idempotency key: the same request sent twice is one payment.
   */
  requestId: string;
  /**
   * Mã hồ sơ of the dossier whose fees are paid (as in dossier.v1).
   */
  dossierCode: string;
  /**
   * The procedure (TTHC) the dossier follows, as in the dossier events.
   */
  procedure: {
    code: string;
    name: string;
  };
  /**
   * The agency that holds the dossier, as in the dossier events (either code form).
   */
  agency: {
    code: string;
    name: string;
  };
  /**
   * Who pays: the platform prints it on the receipt (HoTenNguoiNop, SoCMNDNguoiNop, DiaChiNguoiNop, HuyenNguoiNop, TinhNguoiNop).
   */
  payer: {
    name: string;
    identityNumber?: OptionalText;
    address?: OptionalText;
    commune?: OptionalText;
    province?: OptionalText;
  };
  /**
   * The fee lines; their total is what the citizen pays.
   *
   * @minItems 1
   */
  fees: [
    {
      /**
       * 1 = phí (charge), 2 = lệ phí (fee): the platform's LoaiPhiLePhi.
       */
      kind: 1 | 2;
      code: string;
      name: string;
      /**
       * Whole VND, positive. One line above the total's limit is refused here; the total itself is the connector's check.
       */
      amount: number;
    },
    ...{
      /**
       * 1 = phí (charge), 2 = lệ phí (fee): the platform's LoaiPhiLePhi.
       */
      kind: 1 | 2;
      code: string;
      name: string;
      /**
       * Whole VND, positive. One line above the total's limit is refused here; the total itself is the connector's check.
       */
      amount: number;
    }[],
  ];
  /**
   * The agency's revenue account (TKThuHuong, MaNHThuHuong, TenTKThuHuong).
   */
  beneficiary: {
    account: string;
    bankCode: string;
    accountName: string;
  };
  /**
   * national: through the national payment platform (Lienthong's payment connector); provincial: the province's own gateway (recorded, confirmed by that gateway).
   */
  channel: 'national' | 'provincial';
  /**
   * When the citizen asked to pay (ISO 8601 with offset).
   */
  requestedAt: string;
}
