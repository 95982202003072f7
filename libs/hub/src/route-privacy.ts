import type { DossierEvent } from '@lienthong/schemas';

/** A keyed hash of personal data (the population ledger's Pseudonymizer). */
export interface Pseudonyms {
  of(...parts: string[]): string;
}

/** Marks the applicant's name on a route that carries a pseudonym instead. */
export const PSEUDONYM_PREFIX = 'pseudonym:';

/**
 * Which routes carry the applicant in clear (docs/personal-data-on-topics.md). A connector that never
 * sends the applicant anywhere gets a copy without the ID, birth date, phone, e-mail, source code and
 * free-text summary, and with the applicant's name replaced by the pseudonym the population ledger and
 * audit give the same person (the keyed hash of the personal ID, or of the name when there is none), so
 * its records can still be matched to one citizen by whoever holds the key.
 */
export class RoutePrivacy {
  constructor(
    private readonly pseudonymousConnectors: ReadonlySet<string>,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  static none(): RoutePrivacy {
    return new RoutePrivacy(new Set(), { of: () => '' });
  }

  needsPseudonym(connector: string): boolean {
    return this.pseudonymousConnectors.has(connector);
  }

  pseudonymised(dossier: DossierEvent): DossierEvent {
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
      },
    };
  }
}
