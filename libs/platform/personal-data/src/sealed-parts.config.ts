import { secret } from '@lienthong/config';

/** An AES-256 key as the operators hold it: 32 random bytes in base64 (`openssl rand -base64 32`). */
function aes256Key(input: string): void {
  const trimmed = input.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || Buffer.from(trimmed, 'base64').length !== 32) {
    throw new Error('not 32 bytes in base64 (openssl rand -base64 32)');
  }
}

/** A key that stays closed unless set: accepted empty (in production too), else as `aes256Key`. */
function emptyOrAes256Key(input: string): void {
  if (input.trim() !== '') aes256Key(input);
}

/** The key a part was sealed under before a rotation: openers try it after the current one. */
const previousKey = (key: string, readers: string) =>
  secret({
    default: '',
    optional: true,
    desc: `During a rotation of ${key}: the key it had before, so ${readers} still open what was sealed under it (records on dossier.v1, its retry topics and dead letters). Empty: no rotation going on (docs/runbook.md, Rotating secrets)`,
    format: emptyOrAes256Key,
  });

/** The key of the applicant's identity part on dossier.v1: the portal's, the population check's and the console's reveal. */
export const identityKeySpec = {
  PERSONAL_DATA_IDENTITY_KEY: secret({
    default: 'FLQR1IMsNRErJ1IQvXIO60fdUS5g7TgSUp+sRDRiUiQ=',
    desc: "AES-256-GCM key (32 bytes, base64) of the sealed identity part of dossier.v1 (the applicant's name, personal ID, birth date): the hub seals with it, the national-portal and population connectors open with it, and the console in an audited reveal of a dead letter (docs/personal-data-on-topics.md)",
    format: aes256Key,
  }),
};

/** The key of the applicant's contact part on dossier.v1: the portal's and the console's reveal. */
export const contactKeySpec = {
  PERSONAL_DATA_CONTACT_KEY: secret({
    default: '3SAHhonT1ipmWSTYlM+41xUAjoDpj+H16+8Jq3kov78=',
    desc: "AES-256-GCM key (32 bytes, base64) of the sealed contact part of dossier.v1 (the applicant's phone, e-mail, source account and the dossier summary): the hub seals with it, the national-portal connector opens with it, and the console in an audited reveal of a dead letter (docs/personal-data-on-topics.md)",
    format: aes256Key,
  }),
};

/** Both keys: what the hub seals with. */
export const sealKeysSpec = { ...identityKeySpec, ...contactKeySpec };

/** The identity part's keys as a reader holds them: the current one and, during a rotation, the one before. */
export const identityOpeningKeysSpec = {
  ...identityKeySpec,
  PERSONAL_DATA_IDENTITY_KEY_PREVIOUS: previousKey(
    'PERSONAL_DATA_IDENTITY_KEY',
    'the national-portal and population connectors and the console',
  ),
};

/** Both parts' keys as a reader of both holds them (the national-portal connector, the console's reveal). */
export const openingKeysSpec = {
  ...identityOpeningKeysSpec,
  ...contactKeySpec,
  PERSONAL_DATA_CONTACT_KEY_PREVIOUS: previousKey(
    'PERSONAL_DATA_CONTACT_KEY',
    'the national-portal connector and the console',
  ),
};
