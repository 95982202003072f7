import { cloudEventHeaders, type OutgoingRecord } from '@lienthong/kafka';
import type { IdentityCheck } from './identity-check';
import type { VerificationResult } from './identity-verifier';

/** The outcome of an applicant's verification, for other steps to reuse (key = dossier code). */
export const IDENTITY_VERIFIED_TOPIC = 'identity.verified.v1';

/** The topic's name under a deployment's (or a test's) topic prefix. */
export const identityVerifiedTopic = (prefix: string): string => `${prefix}${IDENTITY_VERIFIED_TOPIC}`;

export const IDENTITY_VERIFIED_TYPE = 'vn.lienthong.identity.verified.v1';

/** One record of identity.verified.v1. */
export interface IdentityVerifiedEvent {
  dossierCode: string;
  /** The dossier event that asked for the verification. */
  sourceEventId: string;
  verified: boolean;
  reason: IdentityCheck['reason'];
  /** When the population database answered (ISO 8601). */
  checkedAt: string;
  method: string;
  answeredBy: VerificationResult['answeredBy'];
  requestId: string;
  /** As the population database holds them; only when verified. */
  citizen: IdentityCheck['citizen'];
}

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
