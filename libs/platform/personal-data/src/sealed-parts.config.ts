import { secret } from '@lienthong/config';

/** An AES-256 key as the operators hold it: 32 random bytes in base64 (`openssl rand -base64 32`). */
function aes256Key(input: string): void {
  const trimmed = input.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || Buffer.from(trimmed, 'base64').length !== 32) {
    throw new Error('not 32 bytes in base64 (openssl rand -base64 32)');
  }
}

/** The key of the applicant's identity part on dossier.v1: the portal's and the population check's. */
export const identityKeySpec = {
  PERSONAL_DATA_IDENTITY_KEY: secret({
    default: 'FLQR1IMsNRErJ1IQvXIO60fdUS5g7TgSUp+sRDRiUiQ=',
    desc: "AES-256-GCM key (32 bytes, base64) of the sealed identity part of dossier.v1 (the applicant's name, personal ID, birth date): the hub seals with it, the national-portal and population connectors open with it (docs/personal-data-on-topics.md)",
    format: aes256Key,
  }),
};

/** The key of the applicant's contact part on dossier.v1: only the portal's. */
export const contactKeySpec = {
  PERSONAL_DATA_CONTACT_KEY: secret({
    default: '3SAHhonT1ipmWSTYlM+41xUAjoDpj+H16+8Jq3kov78=',
    desc: "AES-256-GCM key (32 bytes, base64) of the sealed contact part of dossier.v1 (the applicant's phone, e-mail, source account and the dossier summary): the hub seals with it, the national-portal connector opens with it (docs/personal-data-on-topics.md)",
    format: aes256Key,
  }),
};

/** Both keys: what the hub seals with. */
export const sealKeysSpec = { ...identityKeySpec, ...contactKeySpec };
