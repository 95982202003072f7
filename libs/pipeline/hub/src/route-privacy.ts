import { ConfigError } from '@lienthong/config';
import { maskWords } from '@lienthong/personal-data';
import type { DossierEvent } from '@lienthong/schemas';

/** A keyed hash of personal data (the population connector's Pseudonymizer). */
export interface Pseudonyms {
  of(...parts: string[]): string;
}

/** Marks the applicant's name on a route that carries a pseudonym instead. */
const PSEUDONYM_PREFIX = 'pseudonym:';

/**
 * How much of the applicant a connector's route carries (docs/personal-data-on-topics.md):
 * - `clear`: everything (the portal publishes it);
 * - `identity`: the personal ID, name and birth date a population check needs; no phone, e-mail,
 *   source account or free-text summary;
 * - `pseudonym`: none of it; the name is replaced by the pseudonym the population audit gives the same
 *   person (the keyed hash of the personal ID, or of the name when there is none), so its records can
 *   still be matched to one citizen by whoever holds the key.
 */
export type RouteProfile = 'clear' | 'identity' | 'pseudonym';
const PROFILES: readonly RouteProfile[] = ['clear', 'identity', 'pseudonym'];

export class RoutePrivacy {
  constructor(
    private readonly profiles: ReadonlyMap<string, RouteProfile>,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  /** `connector=profile,...` (HUB_ROUTE_PRIVACY); a connector not named gets its route in clear. */
  static parse(setting: string, pseudonyms: Pseudonyms): RoutePrivacy {
    const profiles = new Map<string, RouteProfile>();
    for (const entry of setting.split(',').filter((part) => part.trim())) {
      const [connector, profile] = entry.split('=').map((part) => part.trim());
      if (!connector || !PROFILES.includes(profile as RouteProfile)) {
        throw new ConfigError({
          HUB_ROUTE_PRIVACY: `"${entry}" is not connector=${PROFILES.join('|')}`,
        });
      }
      profiles.set(connector, profile as RouteProfile);
    }
    return new RoutePrivacy(profiles, pseudonyms);
  }

  /** The connectors the setting names: one no routing rule sends to is likely a typo. */
  named(): string[] {
    return [...this.profiles.keys()];
  }

  profileOf(connector: string): RouteProfile {
    return this.profiles.get(connector) ?? 'clear';
  }

  apply(dossier: DossierEvent, profile: RouteProfile): DossierEvent {
    if (profile === 'clear') return dossier;
    const { type, identity, name, birthDate, vneidVerified } = dossier.applicant;
    const withoutContact = { phone: null, email: null, code: null, vneidVerified };
    const applicant =
      profile === 'identity'
        ? { type, name, identity, birthDate, ...withoutContact }
        : {
            type,
            name: PSEUDONYM_PREFIX + this.pseudonyms.of(identity?.number ?? name),
            identity: null,
            birthDate: null,
            ...withoutContact,
          };
    return { ...dossier, summary: null, applicant };
  }

  /**
   * What `dossier.v1` carries: its readers (KPI projection, console trail) need no clear value, so the
   * pseudonym, plus the masked name the KPI's overdue list shows to tell dossiers apart. The routes in
   * clear get their own encoding; the documents route, which shows no name, goes without the mask.
   */
  canonical(dossier: DossierEvent, pseudonymous = this.apply(dossier, 'pseudonym')): DossierEvent {
    const masked = maskWords(dossier.applicant.name);
    return { ...pseudonymous, applicant: { ...pseudonymous.applicant, masked } };
  }
}
