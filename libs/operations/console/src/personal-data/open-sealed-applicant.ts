import { PermanentError, readDossierEvent } from '@lienthong/connector-runtime';
import type { ApplicantSeal } from '@lienthong/personal-data';
import type { ApplicantOpener } from '../dead-letters/dead-letter-view';

const carriesSealed = (value: unknown): value is { sealed: unknown } =>
  typeof value === 'object' && value !== null && 'sealed' in value;

/**
 * How a reveal opens a dead letter's applicant: a connector's dead letter taken from dossier.v1 (or its
 * retry topics) holds it sealed, so the operator allowed to see it gets the event as the national-portal
 * connector reads it (both parts, `ApplicantSeal.opening('clear', ...)`). What the connector could not
 * read either (a part that does not open, no dossier.v1 event) is told in `sealedRefused`: the reveal
 * still answers. A value with nothing sealed gets nothing more.
 */
export function openSealedApplicant(seal: ApplicantSeal): ApplicantOpener {
  return (decoded, value) => {
    if (!carriesSealed(decoded)) return undefined;
    try {
      return { opened: readDossierEvent(value, seal) };
    } catch (error) {
      if (error instanceof PermanentError) return { opened: null, sealedRefused: error.message };
      throw error;
    }
  };
}
