/* Generated from schemas/ by `npm run schemas:types`. Do not edit. */

/**
 * ISO 8601 date-time with the Asia/Ho_Chi_Minh offset.
 */
export type LocalTime = string;

/**
 * One event of an administrative-procedure dossier in Lienthong's shared form (topic dossier.v1, key = dossierCode). Codes are the national portal's code tables; times are ISO 8601 with the +07:00 offset.
 */
export interface DossierEvent {
  /**
   * Mã hồ sơ: {four-part agency code}-{yyMMdd}-{sequence}, as the national portal expects it.
   */
  dossierCode: string;
  /**
   * Số biên nhận given to the applicant.
   */
  receiptNumber?: string | null;
  /**
   * Trích yếu hồ sơ.
   */
  summary?: string | null;
  procedure: {
    /**
     * Mã TTHC, national part only.
     */
    code: string;
    name?: string | null;
  };
  /**
   * Lĩnh vực (field of the procedure).
   */
  field?: {
    code: string;
    name?: string | null;
  } | null;
  /**
   * The handling agency.
   */
  agency: {
    /**
     * Agency electronic code in its four-part form.
     */
    code: string;
    name?: string | null;
  };
  applicant: {
    /**
     * LoaiDoiTuong: 1 citizen, 2 business, 3 state body, 4 other organisation.
     */
    type: 1 | 2 | 3 | 4;
    name: string;
    identity: {
      /**
       * CCCD = 12-digit personal ID (LoaiDinhDanh 1), CMND = 9-digit old card (LoaiDinhDanh 2).
       */
      kind: 'CCCD' | 'CMND';
      number: string;
    } | null;
    birthDate?: string | null;
    phone?: string | null;
    email?: string | null;
    /**
     * MaDoiTuong: the applicant's code in the source system, when it has one.
     */
    code?: string | null;
    /**
     * TaiKhoanDuocXacThucVoiVNeID: the applicant's account is verified with VNeID (null when the source does not say).
     */
    vneidVerified?: boolean | null;
    /**
     * The applicant's name masked (V** T*** C**), set on dossier.v1 where name holds the keyed pseudonym: what a list may show to tell dossiers apart (docs/personal-data-on-topics.md).
     */
    masked?: string | null;
  };
  /**
   * The applicant's personal data on dossier.v1, for the connectors whose profile needs it (docs/personal-data-on-topics.md): each part AES-256-GCM under its own key, base64 of iv (12 bytes) | tag (16 bytes) | ciphertext, its additional data the part's name, the dossier code and the event id (so it opens in no other event). Absent on events that carry the applicant in clear.
   */
  sealed?: {
    /**
     * {name, identity, birthDate} of the applicant, under PERSONAL_DATA_IDENTITY_KEY.
     */
    identity: string;
    /**
     * {phone, email, code} of the applicant and the dossier's summary, under PERSONAL_DATA_CONTACT_KEY.
     */
    contact: string;
  };
  /**
   * KenhThucHien: 1 in person, 2 online, 3 public postal service.
   */
  channel: 1 | 2 | 3;
  /**
   * NoiNopHoSo: where the dossier was submitted, when the source says.
   */
  submissionPlace?: string | null;
  /**
   * HinhThuc at the portal: how the result is returned, as the source's code says it, when it does.
   */
  resultDelivery?: string | null;
  /**
   * National status code TrangThaiHoSo (1..10).
   */
  status: number;
  times: {
    submittedAt?: LocalTime;
    receivedAt: LocalTime;
    dueAt?: LocalTime;
    finishedAt?: LocalTime;
    returnedAt?: LocalTime;
    rejectedAt?: LocalTime;
  };
  /**
   * Submitted documents (thành phần hồ sơ).
   */
  documents: {
    code: string;
    name: string;
    fileId?: string | null;
    fileName?: string | null;
    url?: string | null;
    digitized: boolean;
    /**
     * DuocTaiSuDung 1: the file was reused from an earlier result instead of being submitted again.
     */
    reused: boolean;
    /**
     * DuocTaiSuDung 2 with MaKetQuaThayThe: the code of the earlier result this file replaces.
     */
    replacesResult?: string | null;
    /**
     * DuocLayTuKhoDMQG: the file was taken from the national data warehouse (Kho dữ liệu). Its own fact, not implied by reuse.
     */
    fromNationalWarehouse?: boolean | null;
  }[];
  fees: {
    code: string;
    name: string;
    amount: number;
    paid: boolean;
    paidOnline: boolean;
    /**
     * Where the source says an online payment went: local = a ministry's or the province's own gateway (DuocThanhToanTrucTuyen 2, like a fee paid online with no platform said); national = the national portal's payment platform, which counts (DuocThanhToanTrucTuyen 1) only from the platform's confirmation through Lienthong (payment.v1), never from this claim; null when not paid online or not said.
     */
    paymentPlatform?: 'national' | 'local' | null;
  }[];
  supplementRequests: {
    id: string;
    requestedBy?: string | null;
    content: string;
    requestedAt?: LocalTime;
    previousDueAt?: LocalTime;
    newDueAt?: LocalTime;
    fulfilled?: boolean;
  }[];
  /**
   * Result documents (giấy tờ kết quả).
   */
  results: {
    code: string;
    name: string;
    number?: string | null;
    url?: string | null;
  }[];
  /**
   * The latest processing step.
   */
  processing?: {
    handler: string;
    title?: string | null;
    unit?: string | null;
    content?: string | null;
  } | null;
  /**
   * The applicant's satisfaction rating of the dossier's handling, when given (one-stop hoSo.danhGia).
   */
  rating?: {
    /**
     * very_satisfied (RAT_HAI_LONG), satisfied (HAI_LONG), not_satisfied (KHONG_HAI_LONG).
     */
    level: 'very_satisfied' | 'satisfied' | 'not_satisfied';
    ratedAt?: LocalTime;
  } | null;
  provenance: {
    sourceSystem: string;
    sourceEventId: string;
    sourceEventType?: string | null;
    eventTime: LocalTime;
    /**
     * Per-dossier sequence number from the source; increases with each event of a dossier.
     */
    sequence: number;
  };
}
