import { RejectionError, RejectionReason } from './rejection';
import type { DossierEvent } from '@lienthong/schemas';

export type ApplicantIdentity = NonNullable<DossierEvent['applicant']['identity']>;

const HIGHEST_PROVINCE_CODE = 96;

/**
 * A personal ID (12-digit CCCD) or old card (9-digit CMND), spaces and dots removed. A CCCD must have a
 * valid structure: province of birth 001–096, and a century/sex digit that matches the birth year when
 * one is known (1900s: 0/1, 2000s: 2/3).
 */
export function parsePersonalId(
  value: string | null | undefined,
  birthDate: string | null,
  path: string,
): ApplicantIdentity | null {
  if (value === null || value === undefined) return null;
  const number = value.replace(/[\s.]/g, '');
  if (number === '') return null;
  const malformed = (why: string) =>
    new RejectionError(RejectionReason.InvalidPersonalId, `personal ID at ${path} ${why}`, path);
  if (/^\d{9}$/.test(number)) return { kind: 'CMND', number };
  if (!/^\d{12}$/.test(number)) throw malformed('has neither 12 digits (CCCD) nor 9 digits (CMND)');
  const province = Number(number.slice(0, 3));
  if (province < 1 || province > HIGHEST_PROVINCE_CODE) throw malformed('has an unknown province code');
  const centuryDigit = Number(number[3]);
  if (centuryDigit > 3) throw malformed('has a century/sex digit outside 0–3');
  if (birthDate) {
    const century = Math.floor(Number(birthDate.slice(0, 4)) / 100);
    if (century !== 19 + Math.floor(centuryDigit / 2)) {
      throw malformed('has a century/sex digit that does not match the birth date');
    }
  }
  return { kind: 'CCCD', number };
}
