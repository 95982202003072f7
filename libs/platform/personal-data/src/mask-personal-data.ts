import { maskAs, maskPatterns, type MaskOptions } from './mask-value';
import {
  fold,
  PERSON_OBJECT_FIELDS,
  PERSON_OBJECTS,
  PERSONAL_FIELDS,
  SECRET_FIELD,
  type PersonalKind,
} from './personal-fields';

// Deeper than any record Lienthong handles; what lies below is hidden rather than shown unmasked.
const MAX_DEPTH = 32;
// Inside a value masked whole, these say what kind of value it is, not whose.
const DESCRIPTORS = new Set(['loai', 'kind', 'type', 'loaidinhdanh']);

interface Place {
  depth: number;
  /** The whole value is of this kind (a name given as {Ho, ChuDem, Ten}, an ID paper with attributes). */
  kind?: PersonalKind;
  /** The value is an object describing one person. */
  inPerson: boolean;
}

/**
 * A copy of any JSON value with personal data masked: by field name (DOMAIN.md's portal and
 * population fields, the three sources' fields, the shared applicant) and, in every other text, by
 * pattern (ID numbers, phones, emails). Secrets are hidden whole. Free text keeps its words: a name
 * written inside a summary is not found (only its numbers are).
 */
export function maskPersonalData(value: unknown, options: MaskOptions = {}): unknown {
  return walk(value, { depth: 0, inPerson: false }, options);
}

function walk(value: unknown, place: Place, options: MaskOptions): unknown {
  if (place.kind && (typeof value === 'string' || typeof value === 'number'))
    return maskAs(place.kind, value, options);
  if (typeof value === 'string') return maskPatterns(value, options);
  if (value === null || typeof value !== 'object') return value;
  if (place.depth >= MAX_DEPTH) return '[too deep]';
  if (value instanceof Error) return { type: value.name, message: maskPatterns(value.message, options) };
  const depth = place.depth + 1;
  if (Array.isArray(value)) return value.map((item) => walk(item, { ...place, depth }, options));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      walkField(key, item, place.kind, place.inPerson, depth, options),
    ]),
  );
}

function walkField(
  key: string,
  value: unknown,
  inherited: PersonalKind | undefined,
  inPerson: boolean,
  depth: number,
  options: MaskOptions,
): unknown {
  if (SECRET_FIELD.test(key)) return '[secret]';
  const folded = fold(key);
  if (inherited) {
    const descriptor = key.startsWith('@') || DESCRIPTORS.has(folded);
    return walk(value, { depth, kind: descriptor ? undefined : inherited, inPerson: false }, options);
  }
  const isObject = value !== null && typeof value === 'object';
  if (PERSON_OBJECTS.has(folded) && isObject) return walk(value, { depth, inPerson: true }, options);
  const kind =
    PERSONAL_FIELDS.get(folded) ??
    (inPerson ? PERSON_OBJECT_FIELDS.get(folded) : undefined) ??
    (PERSON_OBJECTS.has(folded) ? 'name' : undefined);
  return walk(value, { depth, kind, inPerson: false }, options);
}
