import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '@lienthong/config';

/** The shared sample events, beside the project (`../shared/fixtures/sources/<system>`). */
export function sharedFixturesDir(system: string): string {
  return sharedPath('fixtures', 'sources', system);
}

export interface FixtureDossier {
  dossierCode: string;
  /** Raw event bytes in sequence order. */
  events: { file: string; bytes: Buffer }[];
  expectedPortal: Record<string, string>;
}

/** Every sample dossier of a source: its events (`<code>.<seq>.<ext>`) and the portal fields it must produce. */
export function loadFixtureDossiers(system: string): FixtureDossier[] {
  const dir = sharedFixturesDir(system);
  const files = readdirSync(dir);
  return files
    .filter((file) => file.endsWith('.expected-portal.json'))
    .map((expectedFile) => {
      const dossierCode = expectedFile.replace('.expected-portal.json', '');
      const events = files
        .map((file) => ({ file, match: new RegExp(`^${escape(dossierCode)}\\.(\\d+)\\.\\w+$`).exec(file) }))
        .filter(({ match }) => match !== null)
        .sort((a, b) => Number(a.match![1]) - Number(b.match![1]))
        .map(({ file }) => ({ file, bytes: readFileSync(join(dir, file)) }));
      return {
        dossierCode,
        events,
        expectedPortal: JSON.parse(readFileSync(join(dir, expectedFile), 'utf8')),
      };
    });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The same sample event for a dossier never seen before: the dossier serial (after `-yyMMdd-`) is
 * replaced everywhere, which renews the event ids that embed it; a JSON `eventId` is renewed too.
 */
export function freshCopy(bytes: Buffer, serial: number): { bytes: Buffer; serialSuffix: string } {
  const text = bytes.toString('utf8').replace(/(-\d{6}-)\d+/g, `$1${serial}`);
  const renewed = text.replace(/"eventId":\s*"[^"]*"/, `"eventId": "fresh-${serial}"`);
  return { bytes: Buffer.from(renewed), serialSuffix: `-${serial}` };
}
