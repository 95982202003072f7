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
  };
  /**
   * KenhThucHien: 1 in person, 2 online, 3 public postal service.
   */
  channel: 1 | 2 | 3;
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
    reused: boolean;
  }[];
  fees: {
    code: string;
    name: string;
    amount: number;
    paid: boolean;
    paidOnline: boolean;
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
