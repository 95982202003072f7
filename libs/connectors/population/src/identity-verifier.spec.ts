import { citizenRecordFixture } from './citizen-record.fixture';
import { IdentityCache } from './identity-cache';
import type { IdentitySubject } from './identity-check';
import { IdentityVerifier } from './identity-verifier';
import type { AuditEntry, PopulationAudit } from './population-audit';
import type { PopulationClient } from './population-client';
import type { CitizenRecord, LookupQuery } from './population.contract';
import { Pseudonymizer } from '@lienthong/personal-data';
import type { DossierEvent } from '@lienthong/schemas';

const record = citizenRecordFixture;
const subject: IdentitySubject = {
  identity: { kind: 'CCCD', number: '001092008262' },
  fullName: 'NGUYỄN THÙY HOA',
  birthDate: '1992-08-02',
};
const dossier = {
  dossierCode: '000.00.12.H26-240815-0042',
  procedure: { code: '1.001193' },
  agency: { code: '000.00.12.H26' },
  provenance: { sourceEventId: 'e1' },
} as DossierEvent;

describe(IdentityVerifier.name, () => {
  let lookups: LookupQuery[];
  let audited: AuditEntry[];
  let answer: CitizenRecord | undefined | Error;

  const build = (ttlSeconds = 60) => {
    lookups = [];
    audited = [];
    // The database and the audit table are stood in for; what is checked is what the verifier does with them.
    const population = {
      lookup: async (query: LookupQuery) => {
        lookups.push(query);
        if (answer instanceof Error) throw answer;
        return answer;
      },
    } as PopulationClient;
    const audit = { record: async (entry: AuditEntry) => void audited.push(entry) } as PopulationAudit;
    return new IdentityVerifier(
      population,
      new IdentityCache(ttlSeconds, 100),
      audit,
      new Pseudonymizer('k'),
      'CB01',
    );
  };

  beforeEach(() => {
    answer = record;
  });

  it('verifies ID, name (any accents) and birth date, keeping only name, sex and birth date', async () => {
    const sut = build();
    const { check, answeredBy } = await sut.verify(subject, dossier);
    expect(answeredBy).toBe('gateway');
    expect(check).toMatchObject({
      verified: true,
      reason: null,
      citizen: { fullName: 'Nguyễn Thùy Hoa', sex: 'female', birthDate: '1992-08-02' },
    });
    expect(JSON.stringify(check)).not.toMatch(/Hàng Bạc|TonGiao/);
    expect(lookups[0]).toMatchObject({ officer: 'CB01', serviceCode: '1.001193', unitCode: '000.00.12.H26' });
  });

  it('does not verify when the database returns someone with another birth date', async () => {
    answer = { ...record, NgayThangNamSinh: { Nam: '1992', NgayThangNam: '19920803' } };
    expect((await build().verify(subject, dossier)).check).toMatchObject({
      verified: false,
      reason: 'birth_date_mismatch',
      citizen: null,
    });
  });

  it('answers the same person again from the cache, and audits both', async () => {
    const sut = build();
    const first = await sut.verify(subject, dossier);
    const second = await sut.verify(subject, dossier);
    expect(lookups).toHaveLength(1);
    expect(second).toMatchObject({ answeredBy: 'cache', check: first.check });
    expect(second.requestId).not.toBe(first.requestId);
    expect(audited.map((entry) => [entry.answeredBy, entry.outcome, entry.answerRequestId])).toEqual([
      ['gateway', 'verified', first.requestId],
      ['cache', 'verified', first.requestId],
    ]);
  });

  it('calls every time with a TTL of 0', async () => {
    const sut = build(0);
    await sut.verify(subject, dossier);
    await sut.verify(subject, dossier);
    expect(lookups).toHaveLength(2);
  });

  it('audits a failed lookup and passes the failure on, caching nothing', async () => {
    const sut = build();
    answer = new Error('down');
    await expect(sut.verify(subject, dossier)).rejects.toThrow('down');
    expect(audited).toMatchObject([{ outcome: 'failed', reason: 'UNEXPECTED' }]);
    answer = record;
    expect((await sut.verify(subject, dossier)).answeredBy).toBe('gateway');
  });
});
