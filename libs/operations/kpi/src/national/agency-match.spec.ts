import type { StoredScore } from '@lienthong/national-score';
import { matchAgencies } from './agency-match';

const ROOT = 'root-id';
const unit = (departmentId: string, code: string | null, name = `Đơn vị ${code}`): StoredScore =>
  ({ unit: { departmentId, code, name, type: null, level: null, childGroup: 'AGENCY' } }) as StoredScore;

describe(matchAgencies.name, () => {
  const agencies = new Map<string, string | null>([
    ['000.00.12.H26', 'UBND phường Hoàn Kiếm'],
    ['000.00.13.H26', 'UBND phường Ba Đình'],
    ['000.00.20.H26', 'Sở Giao thông vận tải'],
  ]);

  it('maps a unit whose departmentCode is an agency code, in either form, without a line', () => {
    const sut = matchAgencies([unit('a', '000.00.12.H26'), unit('b', 'H26.13.01')], agencies, [], ROOT);

    expect([...sut.units.keys()].sort()).toEqual(['000.00.12.H26', '000.00.13.H26']);
  });

  it('maps by the file (departmentId first, then departmentCode) and lists whoever has no partner', () => {
    const sut = matchAgencies(
      [unit(ROOT, 'H26'), unit('sgtvt', 'G12.34'), unit('x', '000.00.12.H26'), unit('y', 'XA-99', 'Xã Lạ')],
      agencies,
      [{ departmentId: 'sgtvt', agencyCode: '000.00.20.H26' }],
      ROOT,
    );

    expect(sut.units.get('000.00.20.H26')?.unit.departmentId).toBe('sgtvt');
    expect(sut.units.get('000.00.12.H26')?.unit.departmentId).toBe('x');
    expect(sut.unmatched).toEqual([
      { side: 'national', code: 'XA-99', name: 'Xã Lạ' },
      { side: 'lienthong', code: '000.00.13.H26', name: 'UBND phường Ba Đình' },
    ]);
  });

  it('lists a second unit claiming an agency already taken, never drops it', () => {
    const sut = matchAgencies(
      [unit('a', '000.00.12.H26'), unit('b', 'H26.12.07')],
      new Map([['000.00.12.H26', null]]),
      [],
      ROOT,
    );

    expect(sut.units.get('000.00.12.H26')?.unit.departmentId).toBe('a');
    expect(sut.unmatched).toEqual([{ side: 'national', code: 'H26.12.07', name: 'Đơn vị H26.12.07' }]);
  });
});
