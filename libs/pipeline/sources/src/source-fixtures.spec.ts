import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { projectPath, sharedPath } from '@lienthong/config';
import { mapSourceEvent } from './map-source-event';
import { SOURCE_MAPPERS } from './registry';

const GOLDEN_SUFFIX = '.dossier.json';

/** Golden fixtures of one source: `ok/<name>.<ext>` with `ok/<name>.dossier.json`, `not-ok/<REASON>--<what>.<ext>`. */
function fixtures(system: string, kind: 'ok' | 'not-ok') {
  const dir = projectPath('test', 'fixtures', system, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => !file.endsWith(GOLDEN_SUFFIX))
    .map((file) => ({
      file,
      path: `${dir}/${file}`,
      golden: `${dir}/${file.replace(/\.\w+$/, GOLDEN_SUFFIX)}`,
    }));
}

describe.each(SOURCE_MAPPERS.map((mapper) => ({ system: mapper.system, sut: mapper })))(
  'source $system',
  ({ system, sut }) => {
    it('has golden fixtures for both outcomes', () => {
      expect(fixtures(system, 'ok').length).toBeGreaterThan(0);
      expect(fixtures(system, 'not-ok').length).toBeGreaterThan(0);
    });

    it.each(fixtures(system, 'ok'))('maps ok/$file to its golden dossier.v1 event', ({ path, golden }) => {
      const expected = JSON.parse(readFileSync(golden, 'utf8'));
      expect(mapSourceEvent(sut, readFileSync(path))).toEqual({ ok: true, dossier: expected });
    });

    it.each(fixtures(system, 'not-ok'))(
      'rejects not-ok/$file with the reason its name gives',
      ({ file, path }) => {
        const result = mapSourceEvent(sut, readFileSync(path));
        expect(result.ok ? 'accepted' : result.rejection.code).toBe(file.split('--')[0]);
        expect(result.ok || result.rejection.message.length > 10).toBe(true);
      },
    );

    it('rejects an event larger than 512 KiB before parsing it', () => {
      const result = mapSourceEvent(sut, Buffer.alloc(512 * 1024 + 1, 0x20));
      expect(result.ok || result.rejection.code).toBe('TOO_LARGE');
    });

    it('maps every shared sample event', () => {
      const dir = sharedPath('fixtures', 'sources', system);
      const samples = readdirSync(dir).filter((file) => !file.includes('expected'));
      const rejected = samples
        .map((file) => ({ file, result: mapSourceEvent(sut, readFileSync(`${dir}/${file}`)) }))
        .filter(({ result }) => !result.ok);
      expect(samples.length).toBeGreaterThan(0);
      expect(rejected).toEqual([]);
    });
  },
);
