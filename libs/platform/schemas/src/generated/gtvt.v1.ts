/* Generated from schemas/ by `npm run schemas:types`. Do not edit. */

export type OptionalText = string | null;
export type OptionalTime = number | null;

/**
 * A dossier event of the transport-licensing system (topic src.gtvt.dossier-events): JSON, English camelCase, times as epoch milliseconds (UTC). Code tables and formats are checked by the mapper.
 */
export interface GtvtEvent {
  id: string;
  type?: string;
  ts: number;
  seq: number;
  application: {
    ref: string;
    procedure: {
      code: string;
      name?: OptionalText;
    };
    office: string;
    applicant: {
      kind: string;
      fullName: string;
      nationalId?: OptionalText;
      birthDate?: OptionalTime;
      phone?: OptionalText;
      email?: OptionalText;
    };
    channel: string;
    submittedAt?: OptionalTime;
    acceptedAt: number;
    dueAt?: OptionalTime;
    completedAt?: OptionalTime;
    deliveredAt?: OptionalTime;
    rejectedAt?: OptionalTime;
    status: string;
    summary?: OptionalText;
    fees?:
      | {
          code: string;
          label: string;
          amountVnd: number;
          paid?: boolean | null;
          paidOnline?: boolean | null;
        }[]
      | null;
    documents?:
      | {
          code: string;
          name: string;
          fileId?: OptionalText;
          url?: OptionalText;
          digitized?: boolean | null;
          reused?: boolean | null;
        }[]
      | null;
    outputs?:
      | {
          code: string;
          name: string;
          number?: OptionalText;
          url?: OptionalText;
        }[]
      | null;
    handler?: {
      name: string;
      title?: OptionalText;
      unit?: OptionalText;
      note?: OptionalText;
    } | null;
  };
}
