/* Generated from schemas/ by `npm run schemas:types`. Do not edit. */

/**
 * The outcome of verifying a citizen applicant's personal ID, name and birth date against the national population database, published by the population connector for other steps to reuse (topic identity.verified.v1, key = dossierCode). Only name, sex and birth date of the citizen are carried, and only when verified.
 */
export interface IdentityVerifiedEvent {
  /**
   * Mã hồ sơ of the dossier whose applicant was verified (as in dossier.v1).
   */
  dossierCode: string;
  /**
   * provenance.sourceEventId of the dossier event that asked for the verification.
   */
  sourceEventId: string;
  /**
   * Whether the database holds a citizen with this personal ID, name and (when the dossier gives one) birth date.
   */
  verified: boolean;
  /**
   * Why the applicant is not verified; null when verified. not_found: no such citizen; id_mismatch, name_mismatch, birth_date_mismatch: the database's record differs from the dossier.
   */
  reason: 'not_found' | 'id_mismatch' | 'name_mismatch' | 'birth_date_mismatch' | null;
  /**
   * When the population database answered (ISO 8601, UTC); an answer from the cache keeps the time of the original answer.
   */
  checkedAt: string;
  /**
   * The population database operation that verified the applicant.
   */
  method: string;
  /**
   * gateway: the population database answered this verification; cache: an earlier answer for the same person, name and birth date was reused.
   */
  answeredBy: 'gateway' | 'cache';
  /**
   * MaYeuCau of this verification, as in the population audit log (a cache hit gets its own).
   */
  requestId: string;
  /**
   * The citizen as the population database holds them; only when verified, otherwise null.
   */
  citizen: {
    /**
     * Full name (family, middle and given names).
     */
    fullName: string;
    /**
     * Sex as recorded; null when the record gives none.
     */
    sex: 'male' | 'female' | null;
    /**
     * Birth date (yyyy-MM-dd); null when the record gives no full date.
     */
    birthDate: string | null;
  } | null;
}
