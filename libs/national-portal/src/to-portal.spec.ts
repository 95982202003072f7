import { readdirSync, readFileSync } from 'node:fs';
import { sharedPath } from '@lienthong/config';
import { SchemaValidator, type PortalDossier } from '@lienthong/schemas';
import { mapSourceEvent, MotcuaMapper, SOURCE_MAPPERS } from '@lienthong/sources';
import { toPortalDossier, toPortalProgress, toPortalTime } from './to-portal';

const portalSchema = new SchemaValidator<PortalDossier>('national-portal/portal-dossier.json');

/** The last event of each shared sample dossier of every source, with the portal fields it must produce. */
const lastEvents = SOURCE_MAPPERS.flatMap((mapper) => {
  const dir = sharedPath('fixtures', 'sources', mapper.system);
  const files = readdirSync(dir);
  return files
    .filter((file) => file.endsWith('.expected-portal.json'))
    .map((expectedFile) => {
      const code = expectedFile.replace('.expected-portal.json', '');
      const sequence = (file: string) => Number(file.slice(code.length + 1).split('.')[0]);
      const last = files
        .filter((file) => file.startsWith(`${code}.`) && /^\d+\.\w+$/.test(file.slice(code.length + 1)))
        .sort((a, b) => sequence(a) - sequence(b))
        .at(-1)!;
      return {
        name: `${mapper.system}/${code}`,
        mapper,
        bytes: readFileSync(`${dir}/${last}`),
        expected: JSON.parse(readFileSync(`${dir}/${expectedFile}`, 'utf8')),
      };
    });
});

describe(toPortalDossier.name, () => {
  it.each(lastEvents)(
    'gives $name the expected portal fields, valid against the portal contract',
    ({ mapper, bytes, expected }) => {
      const result = mapSourceEvent(mapper, bytes);
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
    const result = mapSourceEvent(
      new MotcuaMapper(),
      lastEvents.find(({ mapper }) => mapper.system === 'motcua')!.bytes,
    );
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
