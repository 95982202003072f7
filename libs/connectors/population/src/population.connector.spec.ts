import type { DossierEvent } from '@lienthong/schemas';
import { verificationSubject } from './population.connector';

const dossierWith = (applicant: Partial<DossierEvent['applicant']>) =>
  ({
    applicant: { type: 1, name: 'Lê Văn Tám', birthDate: '1955-03-01', identity: null, ...applicant },
  }) as DossierEvent;

describe(verificationSubject.name, () => {
  it.each(['CCCD', 'CMND'] as const)('verifies a citizen with a %s', (kind) => {
    const number = kind === 'CCCD' ? '001055012345' : '012345678';
    expect(verificationSubject(dossierWith({ identity: { kind, number } }))).toEqual({
      identity: { kind, number },
      fullName: 'Lê Văn Tám',
      birthDate: '1955-03-01',
    });
  });

  it('leaves a business and an applicant without any ID alone', () => {
    const business = dossierWith({ type: 2, identity: { kind: 'CCCD', number: '001055012345' } });
    expect(verificationSubject(business)).toHaveProperty('notApplicable');
    expect(verificationSubject(dossierWith({}))).toHaveProperty('notApplicable');
  });
});
