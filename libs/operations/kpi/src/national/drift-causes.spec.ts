import type { Finding } from '@lienthong/national-portal';
import { dossierCauses, notMeasurable, type HeldDossier } from './drift-causes';
import { portalFactsOf, type PortalFacts } from './portal-facts';

const held = (overrides: Partial<HeldDossier> = {}): HeldDossier => ({
  dossier_code: '000.00.12.H26-261103-0001',
  finished: true,
  has_fees: true,
  paid_online: true,
  digitized: true,
  reused: false,
  vneid_verified: false,
  population_checked: false,
  portal: sentAs({}),
  ...overrides,
});
function sentAs(fields: Record<string, unknown>, status = 10): PortalFacts {
  return portalFactsOf({
    created: true,
    status,
    fields: { DuocThanhToanTrucTuyen: '1', HoSoCoThanhPhanSoHoa: '1', ...fields },
  });
}
const finding = (overrides: Partial<Finding>): Finding => ({
  dossierCode: '000.00.12.H26-261103-0001',
  drift: 'differing',
  fields: [],
  outcome: 'restored',
  foundAt: new Date('2026-12-02T00:00:00Z'),
  ...overrides,
});
const kinds = (found: ReturnType<typeof dossierCauses>) =>
  found.map(({ kind, item, flag }) => [kind, item, flag].filter(Boolean).join(' '));

describe(dossierCauses.name, () => {
  it('finds nothing when the portal got what Lienthong holds', () => {
    expect(dossierCauses(held(), undefined, null)).toEqual([]);
  });

  it('names a dossier never sent, or sent and not created, as not at the portal', () => {
    expect(kinds(dossierCauses(held({ portal: undefined }), undefined, null))).toEqual([
      'not_at_portal portal_sync',
    ]);
    const refused = dossierCauses(held({ portal: { ...sentAs({}), created: false } }), undefined, null);
    expect(refused[0].dossier.detail).toMatch(/not created/);
  });

  it('names each flag sent otherwise than Lienthong holds it, with the item it moves', () => {
    const sut = dossierCauses(
      held({
        vneid_verified: true,
        portal: sentAs({ DuocThanhToanTrucTuyen: '0', HoSoCoThanhPhanSoHoa: '1' }),
      }),
      undefined,
      null,
    );

    expect(kinds(sut)).toEqual([
      'flag_differs paid_online DuocThanhToanTrucTuyen',
      'flag_differs population_data TaiKhoanDuocXacThucVoiVNeID',
    ]);
  });

  it('names a dossier finished here whose last status at the portal is not an end status', () => {
    expect(kinds(dossierCauses(held({ portal: sentAs({}, 4) }), undefined, null))).toEqual([
      'status_time_missing on_time',
    ]);
  });

  it("takes the reconciliation's findings: missing is that alone; differing flags and status fields", () => {
    expect(kinds(dossierCauses(held(), finding({ drift: 'missing' }), null))).toEqual([
      'not_at_portal portal_sync',
    ]);
    const differing = finding({ fields: ['DuocThanhToanTrucTuyen', 'TrangThaiHoSo'] });
    expect(kinds(dossierCauses(held(), differing, null))).toEqual([
      'flag_differs paid_online DuocThanhToanTrucTuyen',
      'status_time_missing on_time',
    ]);
  });

  it('forgets a finding restored before the national figures were published, not one restored after', () => {
    const restored = finding({ drift: 'missing', foundAt: new Date('2026-12-02T00:00:00Z') });

    expect(dossierCauses(held(), restored, new Date('2026-12-03T00:00:00Z'))).toEqual([]);
    expect(dossierCauses(held(), restored, new Date('2026-12-01T00:00:00Z'))).toHaveLength(1);
  });
});

describe(notMeasurable.name, () => {
  it('lists the items with points that Lienthong cannot measure, to be fixed where their data is born', () => {
    const sut = notMeasurable();

    expect(sut.map((cause) => cause.item)).toEqual(
      expect.arrayContaining(['procedures_published', 'e_certified_copies', 'complaints_on_time']),
    );
    expect(sut.every((cause) => cause.action === 'fix_at_source' && cause.count === 0)).toBe(true);
  });
});
