import { cloudEventHeaders, type OutgoingRecord } from '@lienthong/kafka';
import type { IdentityVerifiedEvent } from '@lienthong/schemas';

/** One record of identity.verified.v1: generated from schemas/identity.verified.v1.json. */
export type { IdentityVerifiedEvent };

/** The outcome of an applicant's verification, for other steps to reuse (key = dossier code). */
export const IDENTITY_VERIFIED_TOPIC = 'identity.verified.v1';

/** The topic's name under a deployment's (or a test's) topic prefix. */
export const identityVerifiedTopic = (prefix: string): string => `${prefix}${IDENTITY_VERIFIED_TOPIC}`;

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
