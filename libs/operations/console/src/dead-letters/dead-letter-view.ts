import { ReplayHeader } from '@lienthong/kafka';
import { maskPatterns, maskPersonalData } from '@lienthong/personal-data';
import type { DossierEvent } from '@lienthong/schemas';
import type { DeadLetterDetail, DeadLetterSummary } from './dead-letter-index';
import { decodeValue } from './decode-value';
import { parseHistory } from './replay-record';

/**
 * What a reveal adds beside a dead letter's bytes when its event carries the applicant sealed: the event
 * with the applicant opened, or why it did not open.
 */
type OpenedApplicant = { opened: DossierEvent } | { opened: null; sealedRefused: string };

/** Opens the applicant of a dead letter (its bytes, and them decoded); undefined when nothing is sealed. */
export type ApplicantOpener = (decoded: unknown, value: Buffer) => OpenedApplicant | undefined;

/** A dead letter in a list, as everyone sees it: its failure message may quote an ID number. */
export function maskedSummary(letter: DeadLetterSummary): DeadLetterSummary {
  return { ...letter, message: maskPatterns(letter.message) };
}

/**
 * One dead letter as everyone sees it: never its bytes, its event decoded (JSON or XML) with personal
 * data masked, headers and history masked too. The clear form is in a dossier's reveal only.
 */
export function maskedDetail(letter: DeadLetterDetail) {
  const { value, key, headers, ...summary } = letter;
  const decoded = decodeValue(value);
  return {
    ...maskedSummary(summary),
    key: key === null ? null : maskPatterns(key),
    headers: maskPersonalData(headers) as Record<string, string>,
    size: value.length,
    decoded: maskPersonalData(decoded),
    masked: true,
    history: maskPersonalData(parseHistory(headers[ReplayHeader.History])),
  };
}

/**
 * One dead letter in clear: its bytes (base64 and text), decoded, every header, its history; and, when
 * its event carries the applicant sealed, the event `opened` by `openApplicant` beside the bytes, which
 * stay as they were.
 */
export function clearDetail(letter: DeadLetterDetail, openApplicant: ApplicantOpener) {
  const { value, ...rest } = letter;
  const decoded = decodeValue(value);
  return {
    ...rest,
    size: value.length,
    valueBase64: value.toString('base64'),
    valueText: value.toString('utf8'),
    decoded,
    ...openApplicant(decoded, value),
    masked: false,
    history: parseHistory(letter.headers[ReplayHeader.History]),
  };
}
