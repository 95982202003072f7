import { RejectionError, RejectionReason } from './rejection';

// C0 and C1 control characters; tab and line breaks inside text are kept.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Unicode NFC, control characters removed, trimmed; empty text becomes null. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = value.normalize('NFC').replace(CONTROL_CHARACTERS, '').trim();
  return cleaned === '' ? null : cleaned;
}

/** Like cleanText, for values that must be present. */
export function requiredText(
  value: string | null | undefined,
  path: string,
  reason: RejectionReason,
): string {
  const cleaned = cleanText(value);
  if (cleaned === null) throw new RejectionError(reason, `${path} is empty`, path);
  return cleaned;
}

const FOUR_PART_AGENCY = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z]\d{2})$/;
const DOTTED_AGENCY = /^([A-Z]\d{2})\.(\d{2})\.(\d{2})$/;

/** Agency electronic code in its four-part form; the dotted form (top level first) is converted. */
export function normalizeAgencyCode(value: string | null | undefined, path: string): string {
  const code = cleanText(value)?.toUpperCase() ?? '';
  if (FOUR_PART_AGENCY.test(code)) return code;
  const dotted = DOTTED_AGENCY.exec(code);
  if (dotted) return `000.00.${dotted[2]}.${dotted[1]}`;
  throw new RejectionError(
    RejectionReason.InvalidAgencyCode,
    `agency code "${value ?? ''}" is neither 000.00.NN.Xnn nor Xnn.NN.NN`,
    path,
  );
}

function isAgencyCode(code: string): boolean {
  return FOUR_PART_AGENCY.test(code) || DOTTED_AGENCY.test(code);
}

/** The national procedure code d.dddddd; a local variant with an agency code appended is reduced to it. */
export function normalizeProcedureCode(value: string | null | undefined, path: string): string {
  const code = cleanText(value) ?? '';
  const match = /^(\d\.\d{6})(?:\.(.+))?$/.exec(code);
  if (match && (match[2] === undefined || isAgencyCode(match[2]))) return match[1];
  throw new RejectionError(
    RejectionReason.InvalidProcedureCode,
    `procedure code "${value ?? ''}" is not d.dddddd (optionally followed by an agency code)`,
    path,
  );
}

/** Dossier code {agency}-{yyMMdd}-{sequence}, with the agency part in its four-part form. */
export function normalizeDossierCode(value: string | null | undefined, path: string): string {
  const code = cleanText(value) ?? '';
  const match = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{1,10})$/.exec(code);
  const invalid = (why: string) =>
    new RejectionError(RejectionReason.InvalidDossierCode, `dossier code "${code}" ${why}`, path);
  if (!match) throw invalid('is not {agency code}-{yyMMdd}-{sequence}');
  const [, agency, yy, mm, dd, sequence] = match;
  if (!isAgencyCode(agency)) throw invalid('does not start with an agency code');
  if (!isCalendarDate(2000 + Number(yy), Number(mm), Number(dd))) throw invalid('has no valid yyMMdd date');
  return `${normalizeAgencyCode(agency, path)}-${yy}${mm}${dd}-${sequence}`;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Looks a source code up in a mapping table; an unknown value is a rejection with the given reason. */
export function lookupCode<T>(
  table: Readonly<Record<string, T>>,
  value: string | null | undefined,
  path: string,
  reason: RejectionReason = RejectionReason.UnknownCode,
): T {
  const key = cleanText(value) ?? '';
  if (Object.prototype.hasOwnProperty.call(table, key)) return table[key];
  throw new RejectionError(
    reason,
    `unknown value "${key}" at ${path}; expected one of ${Object.keys(table).join(', ')}`,
    path,
  );
}

/** The object with its undefined properties left out, as the shared schema wants absent values. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
