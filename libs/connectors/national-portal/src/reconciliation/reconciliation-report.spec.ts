import { differingFields } from './reconciliation-report';

describe('differingFields', () => {
  it('names the fields the portal lost or holds with another value', () => {
    const sent = { MaHoSo: 'A', TrangThaiHoSo: '4', ChuHoSo: 'Nguyễn Văn An', NgayTra: '20240101080000' };
    const held = { MaHoSo: 'A', TrangThaiHoSo: '2', ChuHoSo: 'Nguyễn Văn An' };

    expect(differingFields(sent, held)).toEqual(['TrangThaiHoSo', 'NgayTra']);
  });

  it('compares nested records regardless of key order (jsonb does not keep it)', () => {
    const sent = { DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '001089000001' }] };
    const held = { DinhDanhCHS: [{ SoDinhDanh: '001089000001', LoaiDinhDanh: '1' }] };

    expect(differingFields(sent, held)).toEqual([]);
  });

  it('ignores fields that were not sent', () => {
    expect(differingFields({ MaHoSo: 'A', Email: undefined }, { MaHoSo: 'A', Email: 'x@y.vn' })).toEqual([]);
  });
});
