import { readFileSync } from 'node:fs';
import { sharedPath } from '@lienthong/config';
import { SchemaValidator, type DossierEvent, type PortalDossier } from '@lienthong/schemas';
import { mapSourceEvent, SOURCE_MAPPERS } from '@lienthong/sources';
import { toPortalDossier, withNationalPayment } from './to-portal';

const portalSchema = new SchemaValidator<PortalDossier>('national-portal/portal-dossier.json');

/** A shared sample event of a source, as the hub puts it on dossier.v1. */
function sample(system: string, file: string): DossierEvent {
  const mapper = SOURCE_MAPPERS.find((candidate) => candidate.system === system)!;
  const result = mapSourceEvent(mapper, readFileSync(sharedPath('fixtures', 'sources', system, file)));
  if (!result.ok) throw result.rejection;
  return result.dossier;
}

const dossier = sample('motcua', '000.00.12.H26-240815-9002.6.json');
type Fee = DossierEvent['fees'][number];
const fee: Fee = { code: 'LP01', name: 'Lệ phí', amount: 50_000, paid: false, paidOnline: false };
const atCounter: Fee = { ...fee, paid: true };
const ownGateway: Fee = { ...fee, paid: true, paidOnline: true };
const free: Fee = { ...fee, code: 'LP00', amount: 0 };

describe('DuocThanhToanTrucTuyen and the fee lines HinhThucThu', () => {
  it.each([
    { case: 'no fee, no payment', fees: [], confirmed: false, code: '0', lines: [] },
    { case: 'a fee not paid', fees: [fee], confirmed: false, code: '0', lines: ['1'] },
    { case: 'a fee paid at the counter', fees: [atCounter], confirmed: false, code: '0', lines: ['1'] },
    {
      case: 'the source reports it paid online, no channel said (today’s source flags)',
      fees: [ownGateway],
      confirmed: false,
      code: '2',
      lines: ['2'],
    },
    {
      case: 'the source reports the province’s own gateway',
      fees: [{ ...ownGateway, paymentPlatform: 'local' as const }],
      confirmed: false,
      code: '2',
      lines: ['2'],
    },
    {
      case: 'the source claims the national platform, unconfirmed: its say-so is no 1',
      fees: [{ ...ownGateway, paymentPlatform: 'national' as const }],
      confirmed: false,
      code: '0',
      lines: ['1'],
    },
    {
      case: 'one fee of two through the own gateway',
      fees: [atCounter, ownGateway],
      confirmed: false,
      code: '2',
      lines: ['1', '2'],
    },
    { case: 'the national platform confirmed it', fees: [fee], confirmed: true, code: '1', lines: ['2'] },
    {
      case: 'confirmed, the source claiming it too',
      fees: [{ ...ownGateway, paymentPlatform: 'national' as const }],
      confirmed: true,
      code: '1',
      lines: ['2'],
    },
    {
      case: 'confirmed, a free line left as it is',
      fees: [fee, free],
      confirmed: true,
      code: '1',
      lines: ['2', '1'],
    },
    { case: 'confirmed, the source listing no fee', fees: [], confirmed: true, code: '1', lines: [] },
  ])('$case: $code', ({ fees, confirmed, code, lines }) => {
    const sut = toPortalDossier({ ...dossier, fees }, { nationalPaymentConfirmed: confirmed });
    expect(sut.DuocThanhToanTrucTuyen).toBe(code);
    expect(sut.DanhSachLePhi!.map((line) => line.HinhThucThu)).toEqual(lines);
    expect(portalSchema.violation(sut)).toBeUndefined();
  });

  it.each([
    { file: 'motcua/000.00.12.H26-240815-9002.6.json', code: '2' },
    { file: 'motcua/000.00.15.H26-240824-9003.2.json', code: '0' },
    { file: 'gtvt/000.00.15.H26-240925-9002.6.json', code: '2' },
    { file: 'gtvt/000.00.15.H26-240831-9003.2.json', code: '0' },
    { file: 'motcua/000.00.15.H26-240914-9004.4.json', code: '0' },
  ])('the source flags of $file give $code, never 1', ({ file, code }) => {
    const [system, name] = file.split('/');
    expect(toPortalDossier(sample(system, name)).DuocThanhToanTrucTuyen).toBe(code);
  });
});

describe(withNationalPayment.name, () => {
  it('amends a record at the portal to what its first delivery would have sent with the confirmation', () => {
    for (const fees of [[fee], [ownGateway, free], [atCounter], []]) {
      const held = toPortalDossier({ ...dossier, fees });
      const confirmed = toPortalDossier({ ...dossier, fees }, { nationalPaymentConfirmed: true });
      expect(withNationalPayment(held)).toEqual(confirmed);
      // Already in line: the same object, so no amendment is sent.
      expect(withNationalPayment(confirmed)).toBe(confirmed);
    }
  });

  it('keeps the population check and every other field', () => {
    const held = toPortalDossier({ ...dossier, fees: [fee] }, { populationVerified: true });
    expect(withNationalPayment(held)).toEqual({
      ...held,
      DuocThanhToanTrucTuyen: '1',
      DanhSachLePhi: [{ ...held.DanhSachLePhi![0], HinhThucThu: '2' }],
    });
  });
});
