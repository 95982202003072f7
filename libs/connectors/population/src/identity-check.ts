import { foldName, recordFullName } from './citizen-name';
import { Sex, toPopulationDate, type CitizenIdentity, type CitizenRecord } from './population.contract';

/** Who is checked: the applicant as the dossier names them. */
export interface IdentitySubject {
  /** A 12-digit personal ID, or the 9-digit old card of someone who has none yet. */
  identity: CitizenIdentity;
  fullName: string;
  /** yyyy-MM-dd, when the dossier gives one. */
  birthDate: string | null;
}

export type MismatchReason = 'not_found' | 'name_mismatch' | 'birth_date_mismatch' | 'id_mismatch';

/**
 * The outcome of one check, reduced to what a dossier needs: yes or no, why not, and the name, sex and
 * birth date as the database holds them (so later steps reuse them instead of retyping). Addresses,
 * religion, ethnicity and household are dropped here, before anything is cached, logged or published.
 */
export interface IdentityCheck {
  verified: boolean;
  reason: MismatchReason | null;
  citizen: { fullName: string; sex: 'male' | 'female' | null; birthDate: string | null } | null;
  /** When the database answered (a cached check keeps its time). */
  checkedAt: string;
  /** MaYeuCau of the call that got the answer. */
  answerRequestId: string;
}

const SEXES: Record<string, 'male' | 'female'> = { [Sex.Male]: 'male', [Sex.Female]: 'female' };

/** yyyyMMdd to yyyy-MM-dd. */
const isoDate = (value: string | undefined) =>
  value && /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}` : null;

/** The record's number of the kind the dossier gives: SoDinhDanh for a CCCD, SoCMND for an old card. */
const recordNumber = (record: CitizenRecord, { kind }: CitizenIdentity) =>
  kind === 'CCCD' ? record.SoDinhDanh : record.SoCMND;

/**
 * The birth date agrees as far as the record knows it: the full date when it has one, otherwise the
 * year (old records hold only Nam); a year-only subject is compared on the year.
 */
function sameBirth(birthDate: string, record: CitizenRecord): boolean {
  const { Nam, NgayThangNam } = record.NgayThangNamSinh ?? {};
  if (NgayThangNam && birthDate.length > 4) return NgayThangNam === toPopulationDate(birthDate);
  return (Nam ?? NgayThangNam?.slice(0, 4)) === birthDate.slice(0, 4);
}

/**
 * Compares the lookup's record with the dossier field by field. The database already matched on them,
 * but a gateway that ignores a criterion must not turn into a false "verified". Names are compared
 * folded (upper case, no accents, no spaces): gateways split a name differently.
 */
export function checkIdentity(
  subject: IdentitySubject,
  record: CitizenRecord | undefined,
  answer: { checkedAt: string; requestId: string },
): IdentityCheck {
  const outcome = (reason: MismatchReason | null): IdentityCheck => ({
    verified: reason === null,
    reason,
    citizen:
      reason === null && record
        ? {
            fullName: recordFullName(record),
            sex: SEXES[record.GioiTinh ?? ''] ?? null,
            birthDate: isoDate(record.NgayThangNamSinh?.NgayThangNam),
          }
        : null,
    checkedAt: answer.checkedAt,
    answerRequestId: answer.requestId,
  });
  if (!record) return outcome('not_found');
  if (recordNumber(record, subject.identity) !== subject.identity.number) return outcome('id_mismatch');
  if (foldName(recordFullName(record)) !== foldName(subject.fullName)) return outcome('name_mismatch');
  if (subject.birthDate && !sameBirth(subject.birthDate, record)) return outcome('birth_date_mismatch');
  return outcome(null);
}
