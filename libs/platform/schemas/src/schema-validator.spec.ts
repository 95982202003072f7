import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import type { DossierEvent } from './generated/dossier.v1';
import { SchemaValidator } from './schema-validator';

const dossier = (): Record<string, unknown> =>
  JSON.parse(
    readFileSync(projectPath('test', 'fixtures', 'motcua', 'ok', 'normalization.dossier.json'), 'utf8'),
  );

describe(SchemaValidator.name, () => {
  it('refuses a property the schema does not know, by default', () => {
    const sut = new SchemaValidator<DossierEvent>('dossier.v1.json');
    expect(sut.violation({ ...dossier(), addedLater: 'x' })?.message).toMatch(/additional properties/);
  });

  it('tolerant: takes a newer writer’s optional fields, dropping them, and still refuses what is wrong', () => {
    const sut = new SchemaValidator<DossierEvent>('dossier.v1.json', { tolerant: true });
    const newer = {
      ...dossier(),
      addedLater: 'x',
      applicant: { ...(dossier().applicant as object), alias: 'y' },
    };
    expect(sut.violation(newer)).toBeUndefined();
    expect(newer).not.toHaveProperty('addedLater');
    expect(newer.applicant).not.toHaveProperty('alias');
    expect(sut.violation({ ...dossier(), status: 11 })).toBeDefined();
    expect(sut.violation({ ...dossier(), dossierCode: undefined })).toBeDefined();
  });
});
