import { readdirSync, readFileSync } from 'node:fs';
import { sharedPath } from '@lienthong/config';
import { SchemaValidator, type PortalDossier } from '@lienthong/schemas';
import { mapSourceEvent, MotcuaMapper, SOURCE_MAPPERS } from '@lienthong/sources';
import { toPortalDossier, toPortalProgress, toPortalTime, withPopulationCheck } from './to-portal';

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
    expect(toPortalProgress(long).NguoiXuLy).toHaveLength(50);
  });
});

const motcuaDossier = () => {
  const result = mapSourceEvent(
    new MotcuaMapper(),
    lastEvents.find(({ mapper }) => mapper.system === 'motcua')!.bytes,
  );
  if (!result.ok) throw result.rejection;
  return result.dossier;
};

describe('the national scoring flags (DuocThanhToanTrucTuyen: to-portal-payment.spec.ts)', () => {
  const file = { code: 'TP01', name: 'Đơn', digitized: true, reused: false };

  it('DuocTaiSuDung 0/1/2 with MaKetQuaThayThe, and DuocLayTuKhoDMQG as its own fact', () => {
    const files = (documents: object[]) =>
      toPortalDossier({ ...motcuaDossier(), documents } as never).TaiLieuNop!;
    const [plain, reused, replaced, warehouse] = files([
      file,
      { ...file, reused: true },
      { ...file, reused: true, replacesResult: 'KQ-2023-77' },
      { ...file, fromNationalWarehouse: true },
    ]);
    expect(plain).toMatchObject({ DuocSoHoa: '1', DuocTaiSuDung: '0', DuocLayTuKhoDMQG: '0' });
    expect(plain.MaKetQuaThayThe).toBeUndefined();
    expect(reused).toMatchObject({ DuocTaiSuDung: '1', DuocLayTuKhoDMQG: '0' });
    expect(replaced).toMatchObject({ DuocTaiSuDung: '2', MaKetQuaThayThe: 'KQ-2023-77' });
    expect(warehouse).toMatchObject({ DuocTaiSuDung: '0', DuocLayTuKhoDMQG: '1' });
  });

  it('sends VNeID, NoiNopHoSo, HinhThuc and MaDoiTuong only when the source knows them', () => {
    const unknown = toPortalDossier(motcuaDossier());
    for (const field of [
      'TaiKhoanDuocXacThucVoiVNeID',
      'NoiNopHoSo',
      'HinhThuc',
      'MaDoiTuong',
      'DSKetNoiCSDL',
    ]) {
      expect(unknown).not.toHaveProperty(field);
    }
    const dossier = motcuaDossier();
    const known = toPortalDossier({
      ...dossier,
      applicant: { ...dossier.applicant, vneidVerified: true, code: 'DN-0101' },
      submissionPlace: 'Bộ phận một cửa quận Hoàn Kiếm',
      resultDelivery: '1',
    });
    expect(known).toMatchObject({
      TaiKhoanDuocXacThucVoiVNeID: '1',
      MaDoiTuong: 'DN-0101',
      NoiNopHoSo: 'Bộ phận một cửa quận Hoàn Kiếm',
      HinhThuc: '1',
    });
    expect(portalSchema.violation(known)).toBeUndefined();
  });

  it('lists the population database in DSKetNoiCSDL when the applicant was verified there', () => {
    const verified = toPortalDossier(motcuaDossier(), { populationVerified: true });
    expect(verified.DSKetNoiCSDL).toEqual([{ MaCSDL: '1' }]);
    expect(portalSchema.violation(verified)).toBeUndefined();
    const plain = toPortalDossier(motcuaDossier());
    expect(withPopulationCheck(plain, true)).toEqual(verified);
    expect(withPopulationCheck(verified, true)).toBe(verified);
    expect(withPopulationCheck(verified, false)).toEqual(plain);
  });
});

describe(toPortalProgress.name, () => {
  it('never drops a step: without a handler the department, else the agency, else a neutral title', () => {
    const dossier = motcuaDossier();
    const progress = (changes: object) => toPortalProgress({ ...dossier, ...changes } as never).NguoiXuLy;
    expect(progress({ processing: { handler: 'Phạm Thu Hà' } })).toBe('Phạm Thu Hà');
    expect(progress({ processing: { handler: '', unit: 'Bộ phận Tư pháp' } })).toBe('Bộ phận Tư pháp');
    expect(progress({ processing: null })).toBe(dossier.agency.name);
    expect(progress({ processing: null, agency: { code: dossier.agency.code, name: null } })).toBe(
      'Chuyên viên',
    );
  });
});

describe(toPortalTime.name, () => {
  it('writes shared-schema local time as yyyyMMddHHmmss', () => {
    expect(toPortalTime('2024-08-17T17:05:09+07:00')).toBe('20240817170509');
  });
});
