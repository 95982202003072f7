import { readConfig } from '@lienthong/config';
import { portalSandboxConfigSpec } from './portal-sandbox.config';
import { PortalSandboxService } from './portal-sandbox.service';
import { PortalSandboxStore } from './portal-sandbox.store';

const record = {
  MaHoSo: '000.00.12.H26-240815-9002',
  MaTTHC: '2.000488',
  KenhThucHien: '2',
  ChuHoSo: 'Nguyễn Thùy Hoa',
  LoaiDoiTuong: '2',
  NgayTiepNhan: '20240815105600',
  TrangThaiHoSo: '2',
};

describe(PortalSandboxService.name, () => {
  let store: PortalSandboxStore;
  let sut: PortalSandboxService;
  let session: string;
  const call = (body: Record<string, unknown>) =>
    sut.service({ session, madonvi: '000.00.00.H26', ...body }, '000.00.00.H26');

  beforeEach(() => {
    store = new PortalSandboxStore();
    const config = readConfig(portalSandboxConfigSpec, {
      PORTAL_SANDBOX_USERNAME: 'u',
      PORTAL_SANDBOX_PASSWORD: 'p',
    });
    sut = new PortalSandboxService(config, store);
    session = sut.login({ username: 'u', password: 'p' }).session!;
  });

  it('refuses a wrong password and an unknown session', () => {
    expect(sut.login({ username: 'u', password: 'x' }).error_code).toBe(1);
    expect(
      sut.service({ session: 'nope', madonvi: 'x', service: 'TraCuuHoSo', mahoso: 'a' }, undefined)
        .error_code,
    ).toBe(2);
  });

  it('creates once, answers "đã tồn tại" to a second create, and records each status in order', () => {
    expect(call({ service: 'DongBoHoSoMC', isUpdating: 'False', data: [record] }).error_code).toBe(0);
    const again = call({ service: 'DongBoHoSoMC', isUpdating: 'False', data: [record] });
    expect(again.message).toContain('đã tồn tại');
    expect(
      call({ service: 'DongBoHoSoMC', isUpdating: 'True', data: [{ ...record, TrangThaiHoSo: '4' }] })
        .error_code,
    ).toBe(0);
    expect(store.get(record.MaHoSo)).toMatchObject({ creates: 1, statuses: ['2', '4'] });
    expect(call({ service: 'TraCuuHoSo', mahoso: record.MaHoSo }).result).toEqual([
      { ...record, TrangThaiHoSo: '4' },
    ]);
  });

  it('validates records as the portal does: strings only, its date format, its code tables', () => {
    const invalid = [
      { ...record, TrangThaiHoSo: 2 },
      { ...record, NgayTiepNhan: '2024-08-15' },
      { ...record, KenhThucHien: '9' },
    ];
    for (const item of invalid) {
      const answer = call({ service: 'DongBoHoSoMC', isUpdating: 'False', data: [item] });
      expect(answer.error_code).toBe(1);
      expect(answer.message).toMatch(/data\[0\]\//);
    }
    const withoutDstcode = sut.service(
      { session, madonvi: '000.00.00.H26', service: 'DongBoHoSoMC', isUpdating: 'False', data: [record] },
      undefined,
    );
    expect(withoutDstcode.message).toContain('dstcode');
  });

  it('takes progress records in chunks of at most 10, for dossiers it holds', () => {
    call({ service: 'DongBoHoSoMC', isUpdating: 'False', data: [record] });
    const progress = {
      MaHoSo: record.MaHoSo,
      NguoiXuLy: 'Phạm Thu Hà',
      ThoiDiemXuLy: '20240815105600',
      TrangThai: '2',
    };
    expect(call({ service: 'CapNhatTienDoHoSoMC', data: Array(11).fill(progress) }).error_code).toBe(1);
    expect(call({ service: 'CapNhatTienDoHoSoMC', data: Array(10).fill(progress) }).error_code).toBe(0);
    expect(store.get(record.MaHoSo)?.progress).toHaveLength(10);
  });
});
