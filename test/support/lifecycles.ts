import { motcuaLifecycle, seededRandom } from '@lienthong/simulator';
import { HOAN_KIEM } from './kpi-harness';

/**
 * A one-stop dossier with at least `steps` events, the same on every run: a random lifecycle may stop
 * early (a dossier still in process), which a test that needs its later steps cannot use.
 */
export function dossierWithSteps(serial: number, startMs: number, steps: number) {
  for (let seed = serial; ; seed += 7_919) {
    const events = motcuaLifecycle(serial, startMs, seededRandom(seed));
    if (events.length >= steps) return events;
  }
}

const vietnamTime = (ms: number) => `${new Date(ms + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;

/**
 * One motcua event by hand, its applicant `chuHoSo`: version 1 is the new dossier (HoSoMoi), a later
 * one a status change, each a minute after the one before; received an hour ago and due in five days
 * unless told otherwise.
 */
export function motcuaEvent(
  code: string,
  chuHoSo: Record<string, string>,
  {
    version = 1,
    trangThai = 'MOI',
    receivedMs = Date.now() - 3_600_000,
    dueMs = undefined as number | undefined,
  } = {},
) {
  return {
    eventId: `${code}-${version}`,
    eventType: version === 1 ? 'HoSoMoi' : 'HoSoCapNhatTrangThai',
    occurredAt: vietnamTime(receivedMs + (version - 1) * 60_000),
    version,
    hoSo: {
      maHoSo: code,
      maTTHC: '1.001193',
      tenTTHC: 'Đăng ký khai sinh',
      donViXuLy: HOAN_KIEM,
      kenhNop: 'TRUC_TUYEN',
      chuHoSo,
      ngayTiepNhan: vietnamTime(receivedMs),
      ngayHenTra: vietnamTime(dueMs ?? receivedMs + 5 * 86_400_000),
      trangThai,
      thanhPhanHoSo: [],
      lePhi: [],
      ketQua: [],
    },
  };
}
