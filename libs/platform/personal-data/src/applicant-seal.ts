import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  randomFillSync,
  type KeyObject,
} from 'node:crypto';
import { ConfigError } from '@lienthong/config';
import { LienthongError } from '@lienthong/errors';
import { eventIdOf, type DossierEvent } from '@lienthong/schemas';
import { identityOpeningKeysSpec, openingKeysSpec, type sealKeysSpec } from './sealed-parts.config';

/**
 * How much of the applicant a connector gets back from dossier.v1 (docs/personal-data-on-topics.md):
 * - `clear`: everything (the portal publishes it): both sealed parts opened;
 * - `identity`: the personal ID, name and birth date a population check needs: the identity part
 *   opened; no phone, e-mail, source account or free-text summary;
 * - `pseudonym`: none of it: the name stays the keyed pseudonym dossier.v1 carries, nothing is opened.
 */
export type ApplicantProfile = 'clear' | 'identity' | 'pseudonym';

/** The keys a connector of each profile holds, so its config refuses to start without them. */
export const applicantKeySpecs = {
  clear: openingKeysSpec,
  identity: identityOpeningKeysSpec,
  pseudonym: {},
} as const satisfies Record<ApplicantProfile, Partial<typeof openingKeysSpec>>;

/** The keys as the config holds them: the hub's (current keys), a reader's (and the previous ones). */
type SealKeys = Record<keyof typeof sealKeysSpec, string>;
export type OpeningKeys = Partial<Record<keyof typeof openingKeysSpec, string>>;
export type SealedPart = 'identity' | 'contact';

const KEY_NAME: Record<SealedPart, keyof SealKeys> = {
  identity: 'PERSONAL_DATA_IDENTITY_KEY',
  contact: 'PERSONAL_DATA_CONTACT_KEY',
};
const PREVIOUS_KEY_NAME: Record<SealedPart, keyof OpeningKeys> = {
  identity: 'PERSONAL_DATA_IDENTITY_KEY_PREVIOUS',
  contact: 'PERSONAL_DATA_CONTACT_KEY_PREVIOUS',
};

/** Told of each part that opened only with the previous key: operators drop that key once none does. */
export type OnPreviousKey = (part: SealedPart) => void;
const PARTS_OF: Record<ApplicantProfile, SealedPart[]> = {
  clear: ['identity', 'contact'],
  identity: ['identity'],
  pseudonym: [],
};

type Applicant = DossierEvent['applicant'];
/** What the identity part holds: what a population check needs. */
type IdentityPart = Pick<Applicant, 'name' | 'identity' | 'birthDate'>;
/** What the contact part holds: the rest of the applicant, and the summary that often names them. */
type ContactPart = Pick<Applicant, 'phone' | 'email' | 'code'> & Pick<DossierEvent, 'summary'>;

/** A sealed part that does not open: tampered with, moved from another event, or sealed under another key. */
export class SealedPartRefused extends LienthongError {
  constructor(part: SealedPart, cause?: unknown) {
    super(
      'SEALED_PART_REFUSED',
      `the sealed ${part} part does not open with ${KEY_NAME[part]}: altered, taken from another event, or sealed under another key`,
      { cause },
    );
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
// IVs are drawn from a pool refilled in bulk: one system call per 5000 of them, not one per part.
const ivPool = Buffer.alloc(IV_BYTES * 5000);
let ivOffset = ivPool.length;

function freshIv(): Buffer {
  if (ivOffset === ivPool.length) {
    randomFillSync(ivPool);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  return Buffer.from(ivPool.subarray(ivOffset - IV_BYTES, ivOffset));
}

const createKey = (base64: string): KeyObject => createSecretKey(Buffer.from(base64.trim(), 'base64'));

/**
 * One part's AES-256-GCM key: base64 of iv | tag | ciphertext. During a rotation it also holds the key
 * before, which only opens: GCM's tag tells which key a part was sealed under.
 */
class PartKey {
  /** Prepared once: raw key bytes are prepared again by every cipher, three times the cost of sealing. */
  private readonly key: KeyObject;
  private readonly previous?: KeyObject;

  constructor(
    private readonly part: SealedPart,
    base64: string,
    previousBase64 = '',
    private readonly onPreviousKey: OnPreviousKey = () => undefined,
  ) {
    this.key = createKey(base64);
    if (previousBase64.trim() !== '') this.previous = createKey(previousBase64);
  }

  seal(plain: unknown, context: Buffer): string {
    const iv = freshIv();
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(context);
    const body = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open<Part>(sealed: string, context: Buffer): Part {
    const bytes = Buffer.from(sealed, 'base64');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealedPartRefused(this.part);
    try {
      return decrypt<Part>(this.key, bytes, context);
    } catch (error) {
      if (!this.previous) throw new SealedPartRefused(this.part, error);
    }
    try {
      const opened = decrypt<Part>(this.previous, bytes, context);
      this.onPreviousKey(this.part);
      return opened;
    } catch (error) {
      throw new SealedPartRefused(this.part, error);
    }
  }
}

function decrypt<Part>(key: KeyObject, bytes: Buffer, context: Buffer): Part {
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES))
    .setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
    .setAAD(context);
  const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as Part;
}

/**
 * A part opens only in the event it was sealed in: the additional data binds it to its part, dossier
 * and event, so a ciphertext copied into another record is refused like a tampered one.
 */
const contextOf = (part: SealedPart, dossier: DossierEvent): Buffer =>
  Buffer.from(`${part}\u001f${dossier.dossierCode}\u001f${eventIdOf(dossier.provenance)}`, 'utf8');

/**
 * The applicant's personal data on dossier.v1, sealed in two parts under two keys, so one record serves
 * every connector while each opens only what its profile needs: the hub seals with both keys, a
 * connector holds the keys of its profile and rebuilds the applicant its route copy carried before.
 */
export class ApplicantSeal {
  private constructor(private readonly keys: Partial<Record<SealedPart, PartKey>>) {}

  /** The hub's: seals both parts with the current keys (it never opens what a previous key sealed). */
  static sealing(config: SealKeys): ApplicantSeal {
    const { PERSONAL_DATA_IDENTITY_KEY: identity, PERSONAL_DATA_CONTACT_KEY: contact } = config;
    return ApplicantSeal.opening('clear', {
      PERSONAL_DATA_IDENTITY_KEY: identity,
      PERSONAL_DATA_CONTACT_KEY: contact,
    });
  }

  /**
   * A connector's: holds the keys of its profile (with the previous ones during a rotation), and refuses
   * to start without them, naming the key.
   */
  static opening(
    profile: ApplicantProfile,
    config: OpeningKeys,
    onPreviousKey?: OnPreviousKey,
  ): ApplicantSeal {
    const keys: Partial<Record<SealedPart, PartKey>> = {};
    const missing: Record<string, string> = {};
    for (const part of PARTS_OF[profile]) {
      const value = config[KEY_NAME[part]];
      if (value) keys[part] = new PartKey(part, value, config[PREVIOUS_KEY_NAME[part]], onPreviousKey);
      else missing[KEY_NAME[part]] = `the ${profile} profile opens the ${part} part with it`;
    }
    if (Object.keys(missing).length > 0) throw new ConfigError(missing);
    return new ApplicantSeal(keys);
  }

  /** The two parts of the dossier's applicant (the hub's, which holds both keys). */
  seal(dossier: DossierEvent): NonNullable<DossierEvent['sealed']> {
    const { identity, contact } = this.keys;
    if (!identity || !contact) throw new Error('sealing needs both keys (ApplicantSeal.sealing)');
    const { name, identity: id, birthDate, phone, email, code } = dossier.applicant;
    // A field the source left out stays out: the connector rebuilds the applicant as the hub mapped it.
    const identityPart: IdentityPart = { name, identity: id, birthDate };
    const contactPart: ContactPart = { phone, email, code, summary: dossier.summary };
    return {
      identity: identity.seal(identityPart, contextOf('identity', dossier)),
      contact: contact.seal(contactPart, contextOf('contact', dossier)),
    };
  }

  /**
   * The event as this profile receives it, from dossier.v1's form: its parts opened, the sealed object
   * and the masked name gone; what stays closed keeps dossier.v1's null (or pseudonym, for the name).
   * An event with nothing sealed (sent by hand to a route topic, or written before the hub sealed) is
   * taken as it is. Throws SealedPartRefused when a part does not open.
   */
  open(event: DossierEvent): DossierEvent {
    const { sealed, ...rest } = event;
    if (!sealed) return event;
    const { identity, contact } = this.keys;
    const identityPart = identity?.open<IdentityPart>(sealed.identity, contextOf('identity', event));
    if (identityPart && contact) {
      const { summary, ...contactPart } = contact.open<ContactPart>(
        sealed.contact,
        contextOf('contact', event),
      );
      const { type, vneidVerified } = rest.applicant;
      return { ...rest, summary, applicant: { type, ...identityPart, ...contactPart, vneidVerified } };
    }
    const applicant = { ...rest.applicant, ...identityPart };
    delete applicant.masked;
    return { ...rest, applicant };
  }
}
