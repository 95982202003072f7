import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '@lienthong/config';
import { ReplayRefusal } from '@lienthong/console';
import { StatusDeadLetterReason } from '@lienthong/documents';
import { RejectionReason } from '@lienthong/sources';

const DOCUMENT = projectPath('docs', 'dead-letter-reasons.md');

/** The codes in the first column of the document's tables. */
function documentedCodes(): string[] {
  return readFileSync(DOCUMENT, 'utf8')
    .split('\n')
    .flatMap((line) => /^\|\s*`([^`]+)`\s*\|/.exec(line)?.[1] ?? []);
}

const DELIVERY_ERROR = '(?:RetriableError|PermanentError|TargetAccessError)';

/** Where a delivery's codes are written: connectors and the runtime give them as literals, not as constants. */
const CODE_SITES = [
  // new PermanentError('PORTAL_REJECTED', …), new RetriableError(error.code ?? 'NETWORK', …)
  new RegExp(`new ${DELIVERY_ERROR}\\(\\s*([^,]+),`, 'g'),
  // class AlreadyExistsError extends PermanentError { constructor(…) { super('PORTAL_ALREADY_EXISTS', …) } }
  new RegExp(`extends ${DELIVERY_ERROR} \\{[^}]*?super\\(\\s*([^,]+),`, 'g'),
  // deadLetter(…, { reason: `RETRIES_EXHAUSTED_${cause.code}`, … })
  /\breason: ([`'][A-Z][^`']*[`']),/g,
];

/** `HTTP_${response.status}` is documented as `HTTP_<status>`. */
const withPlaceholders = (literal: string) => literal.replace(/\$\{(?:[^}]*\.)?(\w+)\}/g, '<$1>');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every code a delivery error or a dead letter is given in the libs' code, as the document writes it. */
function codesInCode(): string[] {
  return sourceFiles(projectPath('libs')).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    return CODE_SITES.flatMap((site) =>
      [...source.matchAll(site)].flatMap(([, argument]) =>
        [...argument.matchAll(/[`']([^`']+)[`']/g)].map(([, literal]) => withPlaceholders(literal)),
      ),
    );
  });
}

const codesInUse = () => [
  ...new Set([
    ...Object.values(RejectionReason),
    ...Object.values(StatusDeadLetterReason),
    ...Object.values(ReplayRefusal),
    ...codesInCode(),
  ]),
];

describe('docs/dead-letter-reasons.md', () => {
  it('finds the codes of the hub, the connectors, the runtime and the retry topics in the code', () => {
    expect(codesInCode()).toEqual(
      expect.arrayContaining([
        'INVALID_DOSSIER_EVENT',
        'UNCLASSIFIED',
        'NETWORK',
        'HTTP_<status>',
        'PORTAL_ALREADY_EXISTS',
        'RETRIES_EXHAUSTED_<code>',
        'HELD_TOO_LONG_<code>',
      ]),
    );
  });

  it('documents every reason code the code base gives', () => {
    const documented = new Set(documentedCodes());
    expect(codesInUse().filter((code) => !documented.has(code))).toEqual([]);
  });

  it('documents no code the code base no longer gives, and each code once', () => {
    const inUse = new Set(codesInUse());
    const documented = documentedCodes();
    expect(documented.filter((code) => !inUse.has(code))).toEqual([]);
    expect(documented.filter((code, index) => documented.indexOf(code) !== index)).toEqual([]);
  });
});
