import { maskWords, type ApplicantSeal } from '@lienthong/personal-data';
import type { DossierEvent } from '@lienthong/schemas';

/** A keyed hash of personal data (the population connector's Pseudonymizer). */
export interface Pseudonyms {
  of(...parts: string[]): string;
}

/** Marks the applicant's name on dossier.v1, which carries a pseudonym instead. */
const PSEUDONYM_PREFIX = 'pseudonym:';

/**
 * What `dossier.v1` carries of the applicant (docs/personal-data-on-topics.md): in the open, none of
 * it: the name is replaced by the pseudonym the population audit gives the same person (the keyed hash
 * of the personal ID, or of the name when there is none), so records can still be matched to one
 * citizen by whoever holds the key, plus the masked name the KPI's overdue list shows to tell dossiers
 * apart. The rest is sealed in two parts (`ApplicantSeal`) that each connector opens as far as its
 * profile allows; the KPI projection and the console trail need no clear value and hold no key (the
 * console opens a dead letter's parts in an audited reveal only).
 */
export class DossierPrivacy {
  constructor(
    private readonly pseudonyms: Pseudonyms,
    private readonly seal: ApplicantSeal,
  ) {}

  canonical(dossier: DossierEvent): DossierEvent {
    const { type, identity, name, vneidVerified } = dossier.applicant;
    return {
      ...dossier,
      summary: null,
      applicant: {
        type,
        name: PSEUDONYM_PREFIX + this.pseudonyms.of(identity?.number ?? name),
        identity: null,
        birthDate: null,
        phone: null,
        email: null,
        code: null,
        vneidVerified,
        masked: maskWords(name),
      },
      sealed: this.seal.seal(dossier),
    };
  }
}
