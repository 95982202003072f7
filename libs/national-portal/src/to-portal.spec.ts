import { readdirSync, readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import { SchemaValidator, type PortalDossier } from '@lienthong/schemas';
import { mapSourceEvent, MotcuaMapper } from '@lienthong/sources';
import { toPortalDossier, toPortalProgress, toPortalTime } from './to-portal';

const dir = projectPath('..', 'shared', 'fixtures', 'sources', 'motcua');
const portalSchema = new SchemaValidator<PortalDossier>('national-portal/portal-dossier.json');

/** The last event of each shared fixture dossier, with the portal fields it must produce. */
const lastEvents = readdirSync(dir)
  .filter((file) => file.endsWith('.expected-portal.json'))
  .map((expectedFile) => {
    const code = expectedFile.replace('.expected-portal.json', '');
    const events = readdirSync(dir).filter(
      (file) => file.startsWith(`${code}.`) && /\.\d+\.json$/.test(file),
    );
    const last = events.sort((a, b) => Number(a.split('.').at(-2)) - Number(b.split('.').at(-2))).at(-1)!;
    return {
      code,
      bytes: readFileSync(`${dir}/${last}`),
      expected: JSON.parse(readFileSync(`${dir}/${expectedFile}`, 'utf8')),
    };
  });

describe(toPortalDossier.name, () => {
  it.each(lastEvents)(
    'gives $code the expected portal fields, valid against the portal contract',
    ({ bytes, expected }) => {
      const result = mapSourceEvent(new MotcuaMapper(), bytes);
      if (!result.ok) throw result.rejection;
      const sut = toPortalDossier(result.dossier);
      expect(sut).toMatchObject(expected);
      expect(portalSchema.violation(sut)).toBeUndefined();
      expect(Object.values(sut).every((value) => typeof value === 'string' || Array.isArray(value))).toBe(
        true,
      );
    },
  );

  it('cuts the summary to the portal limit of 1000 characters and the handler to 50', () => {
    const result = mapSourceEvent(new MotcuaMapper(), lastEvents[0].bytes);
    if (!result.ok) throw result.rejection;
    const long = { ...result.dossier, summary: 'a'.repeat(1500), processing: { handler: 'b'.repeat(80) } };
    expect(toPortalDossier(long).TrichYeuHoSo).toHaveLength(1000);
    expect(toPortalProgress(long)?.NguoiXuLy).toHaveLength(50);
  });
});

describe(toPortalTime.name, () => {
  it('writes shared-schema local time as yyyyMMddHHmmss', () => {
    expect(toPortalTime('2024-08-17T17:05:09+07:00')).toBe('20240817170509');
  });
});
