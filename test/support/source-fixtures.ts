import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '@lienthong/config';
import type { DossierEvent } from '@lienthong/schemas';
import { mapSourceEvent, SOURCE_MAPPERS } from '@lienthong/sources';

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

/** A source event as the hub maps it to dossier.v1; throws the rejection of an event that does not map. */
export function mapWithSource(system: string, bytes: Buffer): DossierEvent {
  const result = mapSourceEvent(
    SOURCE_MAPPERS.find((mapper) => mapper.system === system)!,
    bytes,
  );
  if (!result.ok) throw result.rejection;
  return result.dossier;
}

/** The newest dossier event of each dossier that generated source events (on their source topics) stand for. */
export function newestByDossier(events: { topic: string; value: string }[]): DossierEvent[] {
  const newest = new Map<string, DossierEvent>();
  for (const event of events) {
    const dossier = mapWithSource(event.topic.split('.').at(-2)!, Buffer.from(event.value));
    const held = newest.get(dossier.dossierCode);
    if (!held || held.provenance.sequence < dossier.provenance.sequence)
      newest.set(dossier.dossierCode, dossier);
  }
  return [...newest.values()];
}

/**
 * A sample dossier of a source under a serial never seen before: its code, and its events (by their
 * index in the sample) as source-topic records, each with an event id of its own so the hub takes each as new.
 */
export function freshSampleDossier(
  sample: FixtureDossier,
  serial: number,
): { code: string; records: (indexes: number[]) => { key: string; value: string }[] } {
  const code = sample.dossierCode.replace(/-\d+$/, `-${serial}`);
  return {
    code,
    records: (indexes) =>
      indexes.map((index) => {
        const fresh = freshCopy(sample.events[index].bytes, serial);
        const value = fresh.bytes.toString().replace(`"fresh-${serial}"`, `"fresh-${serial}-${index}"`);
        return { key: code, value };
      }),
  };
}
