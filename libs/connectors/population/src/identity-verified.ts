import { cloudEventHeaders, type OutgoingRecord } from '@lienthong/kafka';
import type { IdentityVerifiedEvent } from '@lienthong/schemas';

/** One record of identity.verified.v1: generated from schemas/identity.verified.v1.json. */
export type { IdentityVerifiedEvent };

export const IDENTITY_VERIFIED_TYPE = 'vn.lienthong.identity.verified.v1';

export function identityVerifiedRecord(topic: string, event: IdentityVerifiedEvent): OutgoingRecord {
  return {
    topic,
    key: event.dossierCode,
    value: JSON.stringify(event),
    headers: cloudEventHeaders({
      source: 'lienthong/connector/population',
      type: IDENTITY_VERIFIED_TYPE,
      time: new Date().toISOString(),
      subject: event.dossierCode,
    }),
  };
}
