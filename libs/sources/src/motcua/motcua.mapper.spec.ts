import { readdirSync, readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import { mapSourceEvent } from '../map-source-event';
import { MotcuaMapper } from './motcua.mapper';

const fixtures = (kind: 'ok' | 'not-ok') => {
  const dir = projectPath('test', 'fixtures', 'motcua', kind);
  return readdirSync(dir)
    .filter((file) => !file.endsWith('.dossier.json'))
    .map((file) => ({ file, dir, bytes: readFileSync(`${dir}/${file}`) }));
};

describe(MotcuaMapper.name, () => {
  const sut = new MotcuaMapper();

  describe.each(fixtures('ok'))('ok/$file', ({ file, dir, bytes }) => {
    it('maps to the golden dossier.v1 event', () => {
      const expected = JSON.parse(readFileSync(`${dir}/${file.replace('.json', '.dossier.json')}`, 'utf8'));
      expect(mapSourceEvent(sut, bytes)).toEqual({ ok: true, dossier: expected });
    });
  });

  describe.each(fixtures('not-ok'))('not-ok/$file', ({ file, bytes }) => {
    it('is rejected with the reason its name gives', () => {
      const result = mapSourceEvent(sut, bytes);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.rejection.reason).toBe(file.split('--')[0]);
        expect(result.rejection.message.length).toBeGreaterThan(10);
      }
    });
  });

  it('rejects an event larger than 512 KiB before parsing it', () => {
    const result = mapSourceEvent(sut, Buffer.alloc(512 * 1024 + 1, 0x20));
    expect(result.ok || result.rejection.reason).toBe('TOO_LARGE');
  });

  it('maps the last event of a shared fixture to national codes and +07:00 times', () => {
    const bytes = readFileSync(
      projectPath('..', 'shared', 'fixtures', 'sources', 'motcua', '000.00.15.H26-240826-9001.7.json'),
    );
    const result = mapSourceEvent(sut, bytes);
    if (!result.ok) throw result.rejection;
    expect(result.dossier).toMatchObject({
      dossierCode: '000.00.15.H26-240826-9001',
      status: 10,
      channel: 1,
      applicant: { type: 1, identity: { kind: 'CCCD', number: '001184953893' } },
      times: { receivedAt: '2024-08-26T08:46:00+07:00', dueAt: '2024-09-02T17:00:00+07:00' },
      provenance: { sourceSystem: 'motcua', sequence: 7 },
    });
  });
});
