/**
 * What the console refuses to store: control characters (PostgreSQL's jsonb refuses U+0000 outright,
 * and the others have no place in a name, a reason or a filter). Tab, line feed and carriage return pass.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The JSON body limit of the console API (400 above it): its largest request, a replay of 10,000 ids, fits. */
export const CONSOLE_BODY_LIMIT = '128kb';

/** Where in `value` (a parsed body, params or query) a string or key holds a control character. */
export function controlCharacterAt(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return CONTROL.test(value) ? path || '(value)' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (CONTROL.test(key)) return `a key under ${path || '(root)'}`;
    const found = controlCharacterAt(inner, here);
    if (found) return found;
  }
  return undefined;
}

/** Text safe to store in the audit log: control characters replaced, at most `max` characters. */
export function storable(text: string, max: number): string {
  const clean = text.replace(CONTROL_ALL, '\ufffd');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
