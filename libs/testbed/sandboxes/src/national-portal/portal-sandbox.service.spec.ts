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

  const start = (env: Record<string, string> = {}) => {
    store = new PortalSandboxStore();
    const config = readConfig(portalSandboxConfigSpec, {
      PORTAL_SANDBOX_USERNAME: 'u',
      PORTAL_SANDBOX_PASSWORD: 'p',
      ...env,
    });
    sut = new PortalSandboxService(config, store);
    session = sut.login({ username: 'u', password: 'p' }).session!;
  };

  beforeEach(() => start());

  it('answers as a real portal does: error_code as a string, "0" on success', () => {
    expect(sut.login({ username: 'u', password: 'p' })).toMatchObject({ error_code: '0' });
    expect(call({ service: 'TraCuuHoSo', mahoso: record.MaHoSo })).toEqual({
      error_code: '0',
      message: 'Thành công',
      result: [],
    });
    expect(sut.logins).toBe(2);
  });

  it('refuses a wrong password and an unknown session, the session with "Phiên" in the message', () => {
    expect(sut.login({ username: 'u', password: 'x' })).toMatchObject({ error_code: '-1' });
    const unknownSession = sut.service(
      { session: 'nope', madonvi: 'x', service: 'TraCuuHoSo', mahoso: 'a' },
      undefined,
    );
    expect(unknownSession).toEqual({
      error_code: '-3',
      message: 'Phiên làm việc không hợp lệ hoặc đã hết hạn',
    });
  });

  it('forgets every session on demand, as a portal restart does', () => {
    sut.expireSessions();

    expect(call({ service: 'TraCuuHoSo', mahoso: record.MaHoSo }).message).toContain('Phiên');
  });

  it('creates once, answers "đã tồn tại" with a failure code to a second create, and records each status', () => {
    expect(call({ service: 'DongBoHoSoMC', isUpdating: 'False', data: [record] }).error_code).toBe('0');
    expect(call({ service: 'DongBoHoSoMC', isUpdating: 'False', data: [record] })).toEqual({
      error_code: '3',
      message: `Hồ sơ ${record.MaHoSo} đã tồn tại trên hệ thống`,
    });
    expect(
      call({ service: 'DongBoHoSoMC', isUpdating: 'True', data: [{ ...record, TrangThaiHoSo: '4' }] })
        .error_code,
    ).toBe('0');
    expect(store.get(record.MaHoSo)).toMatchObject({ creates: 1, statuses: ['2', '4'] });
    expect(call({ service: 'TraCuuHoSo', mahoso: record.MaHoSo }).result).toEqual([
      { ...record, TrangThaiHoSo: '4' },
    ]);
  });

  it('answers an update of a dossier it does not hold with "không tồn tại"', () => {
    expect(call({ service: 'DongBoHoSoMC', isUpdating: 'True', data: [record] })).toEqual({
      error_code: '-1',
      message: `Hồ sơ ${record.MaHoSo} không tồn tại trên hệ thống`,
    });
  });

  it('validates records as the portal does: strings only, its date format, its code tables', () => {
    const invalid = [
      { ...record, TrangThaiHoSo: 2 },
      { ...record, NgayTiepNhan: '2024-08-15' },
      { ...record, KenhThucHien: '9' },
    ];
    for (const item of invalid) {
      const answer = call({ service: 'DongBoHoSoMC', isUpdating: 'False', data: [item] });
      expect(answer.error_code).toBe('-1');
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
    expect(call({ service: 'CapNhatTienDoHoSoMC', data: Array(11).fill(progress) }).error_code).toBe('-1');
    expect(call({ service: 'CapNhatTienDoHoSoMC', data: Array(10).fill(progress) }).error_code).toBe('0');
    expect(store.get(record.MaHoSo)?.progress).toHaveLength(10);
  });

  it('answers as an older gateway does, with numeric codes, when configured so', () => {
    start({ PORTAL_SANDBOX_ERROR_CODES: 'number' });

    expect(call({ service: 'DongBoHoSoMC', isUpdating: 'False', data: [record] }).error_code).toBe(0);
    expect(call({ service: 'DongBoHoSoMC', isUpdating: 'False', data: [record] })).toMatchObject({
      error_code: 1,
      message: expect.stringContaining('đã tồn tại'),
    });
    expect(
      call({
        service: 'DongBoHoSoMC',
        isUpdating: 'True',
        data: [{ ...record, MaHoSo: '000.00.12.H26-240815-1' }],
      }),
    ).toMatchObject({ error_code: 3 });
    sut.expireSessions();
    expect(call({ service: 'TraCuuHoSo', mahoso: record.MaHoSo })).toMatchObject({ error_code: 2 });
  });

  it('refuses an unknown error-code style at start-up', () => {
    expect(() => start({ PORTAL_SANDBOX_ERROR_CODES: 'hex' })).toThrow(/PORTAL_SANDBOX_ERROR_CODES/);
  });
});
