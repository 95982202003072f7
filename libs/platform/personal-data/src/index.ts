/**
 * Personal data masked for whoever does not need it in clear: one implementation for the console's
 * answers (ID numbers keep their first four and last two characters) and the logs (the last two only).
 */
export { maskPersonalData } from './mask-personal-data';
export { maskPatterns, maskWords } from './mask-value';
export { Pseudonymizer } from './pseudonym';
export { pseudonymKeySpec } from './pseudonym.config';
export {
  ApplicantSeal,
  applicantKeySpecs,
  SealedPartRefused,
  type ApplicantProfile,
  type OpeningKeys,
} from './applicant-seal';
export { openingKeysSpec, sealKeysSpec } from './sealed-parts.config';
