import type { Intake } from '@lienthong/connector-runtime';
import { citizenRecordFixture } from './citizen-record.fixture';
import { SchemaValidator, type DossierEvent, type IdentityVerifiedEvent } from '@lienthong/schemas';
import { IdentityCache } from './identity-cache';
import { IDENTITY_VERIFIED_TYPE, identityVerifiedRecord } from './identity-verified';
import { IdentityVerifier } from './identity-verifier';
import type { PopulationAudit } from './population-audit';
import type { PopulationClient } from './population-client';
import { PopulationConnector } from './population.connector';
import type { CitizenRecord } from './population.contract';
import { Pseudonymizer } from '@lienthong/personal-data';

const schema = new SchemaValidator<IdentityVerifiedEvent>('identity.verified.v1.json');

const record = citizenRecordFixture;
const dossier = {
  dossierCode: '000.00.12.H26-240815-0042',
  procedure: { code: '1.001193' },
  agency: { code: '000.00.12.H26' },
  applicant: {
    type: 1,
    name: 'NGUYỄN THÙY HOA',
    identity: { kind: 'CCCD', number: '001092008262' },
    birthDate: '1992-08-02',
  },
  status: 2,
  provenance: { sourceEventId: 'motcua-e1', sequence: 1 },
} as DossierEvent;

describe('identity.verified.v1', () => {
  let answer: CitizenRecord | undefined;

  /** The connector with a stand-in population database; its verifier, cache and builder are the real ones. */
  const connector = () => {
    const population = { lookup: async () => answer } as unknown as PopulationClient;
    const audit = { record: async () => undefined } as unknown as PopulationAudit;
    const verifier = new IdentityVerifier(
      population,
      new IdentityCache(60, 100),
      audit,
      new Pseudonymizer('k'),
      'CB01',
    );
    // Its intake reads records, which these tests do not: they hand events to deliver.
    return new PopulationConnector({} as Intake<DossierEvent>, verifier, 'test.identity.verified.v1');
  };

  /** What the connector publishes for one dossier, as a consumer reads it off the topic. */
  const published = async (sut: PopulationConnector, event: DossierEvent = dossier) => {
    const { publish } = await sut.deliver(event, undefined);
    expect(publish).toHaveLength(1);
    const [outgoing] = publish!;
    expect(outgoing.topic).toBe('test.identity.verified.v1');
    expect(outgoing.key).toBe(event.dossierCode);
    return JSON.parse(String(outgoing.value)) as unknown;
  };

  beforeEach(() => {
    answer = record;
  });

  it('publishes a verified applicant in the shape of the schema', async () => {
    const value = await published(connector());
    expect(schema.violation(value)).toBeUndefined();
    expect(value).toMatchObject({
      dossierCode: dossier.dossierCode,
      sourceEventId: 'motcua-e1',
      verified: true,
      reason: null,
      method: 'TraCuuThongTinCongDan',
      answeredBy: 'gateway',
      citizen: { fullName: 'Nguyễn Thùy Hoa', sex: 'female', birthDate: '1992-08-02' },
    });
  });

  it('publishes an answer from the cache in the shape of the schema', async () => {
    const sut = connector();
    await published(sut);
    const value = await published(sut, {
      ...dossier,
      dossierCode: '000.00.12.H26-240815-0043',
    });
    expect(value).toMatchObject({ answeredBy: 'cache', verified: true });
    expect(schema.violation(value)).toBeUndefined();
  });

  it('publishes a citizen without a recorded sex in the shape of the schema', async () => {
    answer = { ...record, GioiTinh: undefined };
    const value = await published(connector());
    expect(value).toMatchObject({ citizen: { sex: null } });
    expect(schema.violation(value)).toBeUndefined();
  });

  it.each([
    ['not_found', undefined],
    ['name_mismatch', { ...record, HoVaTen: { Ho: 'Trần', ChuDem: 'Văn', Ten: 'An' } }],
    ['birth_date_mismatch', { ...record, NgayThangNamSinh: { Nam: '1992', NgayThangNam: '19920803' } }],
    ['id_mismatch', { ...record, SoDinhDanh: '001092008263' }],
  ])('publishes an unverified applicant (%s) in the shape of the schema', async (reason, found) => {
    answer = found;
    const value = await published(connector());
    expect(value).toMatchObject({ verified: false, reason, citizen: null });
    expect(schema.violation(value)).toBeUndefined();
  });

  it('is what identityVerifiedRecord sends, with its CloudEvents type', () => {
    const event: IdentityVerifiedEvent = {
      dossierCode: dossier.dossierCode,
      sourceEventId: 'motcua-e1',
      verified: false,
      reason: 'not_found',
      checkedAt: '2024-08-15T02:30:00.000Z',
      method: IdentityVerifier.operation,
      answeredBy: 'gateway',
      requestId: '3f1c6d4e-8a2b-4c5d-9e6f-7a8b9c0d1e2f',
      citizen: null,
    };
    const outgoing = identityVerifiedRecord('t', event);
    expect(schema.violation(JSON.parse(String(outgoing.value)))).toBeUndefined();
    expect(JSON.stringify(outgoing.headers)).toContain(IDENTITY_VERIFIED_TYPE);
  });

  it('rejects what the connector never publishes', async () => {
    const valid = (await published(connector())) as IdentityVerifiedEvent;
    expect(schema.violation({ ...valid, address: 'Số 7 phố Hàng Bạc' })).toBeDefined();
    expect(schema.violation({ ...valid, citizen: { ...valid.citizen, religion: 'Không' } })).toBeDefined();
    expect(schema.violation({ ...valid, citizen: null })).toBeDefined();
    expect(schema.violation({ ...valid, verified: false })).toBeDefined();
    expect(schema.violation({ ...valid, answeredBy: 'database' })).toBeDefined();
    expect(schema.violation({ ...valid, requestId: undefined })).toMatchObject({ path: '/requestId' });
  });
});
