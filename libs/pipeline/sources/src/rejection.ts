import { LienthongError } from '@lienthong/errors';

/** Why the hub refused an event. The code travels in the dead-letter headers; keep it stable. */
export const RejectionReason = {
  TooLarge: 'TOO_LARGE',
  Unparseable: 'UNPARSEABLE',
  SchemaInvalid: 'SCHEMA_INVALID',
  InvalidDossierCode: 'INVALID_DOSSIER_CODE',
  InvalidProcedureCode: 'INVALID_PROCEDURE_CODE',
  InvalidAgencyCode: 'INVALID_AGENCY_CODE',
  UnknownStatus: 'UNKNOWN_STATUS',
  UnknownCode: 'UNKNOWN_CODE',
  InvalidDate: 'INVALID_DATE',
  DueBeforeReceipt: 'DUE_BEFORE_RECEIPT',
  InvalidPersonalId: 'INVALID_PERSONAL_ID',
  CanonicalInvalid: 'CANONICAL_INVALID',
} as const;

export type RejectionReason = (typeof RejectionReason)[keyof typeof RejectionReason];

/** A permanent, input-caused failure: the event goes to the dead-letter topic and is never retried. */
export class RejectionError extends LienthongError {
  declare readonly code: RejectionReason;

  constructor(
    code: RejectionReason,
    message: string,
    /** JSON Pointer into the source event, where the fault is. */
    readonly path = '',
  ) {
    super(code, message);
  }
}
