import { ApplicantSeal, SealedPartRefused } from '@lienthong/personal-data';
import { SchemaValidator, type DossierEvent } from '@lienthong/schemas';
import type { ApplicantOpener } from '../dead-letters/dead-letter-view';

// Tolerant, as a connector reads dossier.v1: a newer hub's optional fields do not keep the applicant closed.
const dossierSchema = new SchemaValidator<DossierEvent>('dossier.v1.json', { tolerant: true });

const carriesSealed = (value: unknown): value is { sealed: unknown } =>
  typeof value === 'object' && value !== null && 'sealed' in value;

/**
 * How a reveal opens a dead letter's applicant: a connector's dead letter taken from dossier.v1 (or its
 * retry topics) holds it sealed, so the operator allowed to see it gets the event as the national-portal
 * connector opened it (both parts, `ApplicantSeal.opening('clear', ...)`). A part that does not open,
 * or an event the connector could not read either, is told in `sealedRefused`: the reveal still answers.
 * A value with nothing sealed gets nothing more.
 */
export function openSealedApplicant(seal: ApplicantSeal): ApplicantOpener {
  return (decoded) => {
    if (!carriesSealed(decoded)) return undefined;
    // A copy: the tolerant check drops unknown fields, and the decoded value is shown as it was.
    const event = structuredClone(decoded);
    const violation = dossierSchema.violation(event);
    if (violation) {
      return {
        opened: null,
        sealedRefused: `not a dossier.v1 event (${violation.path || '/'}: ${violation.message}): nothing opened`,
      };
    }
    try {
      return { opened: seal.open(event as DossierEvent) };
    } catch (error) {
      if (error instanceof SealedPartRefused) return { opened: null, sealedRefused: error.message };
      throw error;
    }
  };
}
