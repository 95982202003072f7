import type { PersonalKind } from './personal-fields';

/** How much of an ID number stays readable: its first `idHead` characters and its last two. */
export interface MaskOptions {
  /** 4 on screens (the province code and the century-and-sex digit: enough to tell two dossiers apart), 0 in logs. */
  idHead?: number;
}

const STAR = '*';

/** `001075303677` → `0010******77`; the last two are kept for tracing, like the logs do. */
export function maskIdNumber(text: string, idHead = 4): string {
  const chars = Array.from(text);
  // A 9-digit old card shows less: at most half of any number is ever readable.
  const head = Math.min(idHead, Math.max(0, chars.length - 8));
  if (chars.length <= 2) return STAR.repeat(chars.length);
  return chars.slice(0, head).join('') + STAR.repeat(chars.length - head - 2) + chars.slice(-2).join('');
}

/** `Võ Thị Cúc` → `V* T** C**`: the first letter of each word, so a person can still be told apart in a list. */
export function maskWords(text: string): string {
  return text.replace(/\S+/gu, (word) => {
    const [first, ...rest] = Array.from(word);
    return first + STAR.repeat(rest.length);
  });
}

// Only the shape stays: `1975-01-08` → `****-**-**`, `24/01/1954` → `**/**/****` (epoch ms: only stars).
export function maskBirthDate(value: string | number): string {
  return typeof value === 'number'
    ? STAR.repeat(String(Math.trunc(Math.abs(value))).length)
    : value.replace(/\p{N}/gu, STAR);
}

/** `0975303677` → `*******677`: the last three digits, which a caller can confirm on the phone. */
export function maskPhone(text: string): string {
  const digits = text.replace(/\D/g, '').length;
  let seen = 0;
  return text.replace(/\d/g, (digit) => (++seen > digits - 3 ? digit : STAR));
}

/** `nguyen.van.an@example.vn` → `n***@example.vn`. */
export function maskEmail(text: string): string {
  const at = text.lastIndexOf('@');
  if (at < 1) return STAR.repeat(3);
  return `${Array.from(text)[0]}***${text.slice(at)}`;
}

/** One value of a known kind, masked; anything that is not text or a number becomes `***`. */
export function maskAs(kind: PersonalKind, value: unknown, options: MaskOptions = {}): unknown {
  if (value === null || value === undefined || value === '') return value;
  if (typeof value !== 'string' && typeof value !== 'number') return STAR.repeat(3);
  const text = String(value);
  switch (kind) {
    case 'id':
      return maskIdNumber(text.trim(), options.idHead);
    case 'name':
    case 'address':
      return maskWords(text);
    case 'birthDate':
      return maskBirthDate(value);
    case 'phone':
      return maskPhone(text);
    case 'email':
      return maskEmail(text);
  }
}

// 12-digit personal IDs (CCCD) and 9-digit old cards (CMND), also when written with spaces or dots;
// standing alone, not inside a word (a traceparent's or a hash's hex may hold nine digits in a row).
const PERSONAL_ID = /(?<![\p{L}\p{N}])\d{3}[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{3})?(?![\p{L}\p{N}])/gu;
// Vietnamese phone numbers: 0 or +84, then nine digits, maybe grouped.
const PHONE = /(?<![\p{L}\p{N}+])(?:\+84|0)(?:[ .-]?\d){9}(?![\p{L}\p{N}])/gu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/** Personal data found by its pattern inside any text: ID numbers, phone numbers, email addresses. */
export function maskPatterns(text: string, options: MaskOptions = {}): string {
  return text
    .replace(EMAIL, maskEmail)
    .replace(PHONE, maskPhone)
    .replace(PERSONAL_ID, (id) => maskIdNumber(id, options.idHead));
}
