import { randomUUID } from 'node:crypto';
import type { MotcuaEvent } from '@lienthong/schemas';
import { pick, simulatedApplicant, type Random } from './citizen-registry';
import { pickAssignment, type SimulatedSystem } from './agency-catalogue';
import { COMPANY_NAMES, HANDLERS } from './vietnamese-data';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The status paths a dossier takes in the one-stop system, most common first. */
const PATHS: { weight: number; statuses: string[] }[] = [
  { weight: 60, statuses: ['MOI', 'DA_TIEP_NHAN', 'DANG_XU_LY', 'DA_XU_LY_XONG', 'DA_TRA_KET_QUA'] },
  {
    weight: 12,
    statuses: [
      'MOI',
      'DA_TIEP_NHAN',
      'DANG_XU_LY',
      'YEU_CAU_BO_SUNG',
      'DANG_XU_LY',
      'DA_XU_LY_XONG',
      'DA_TRA_KET_QUA',
    ],
  },
  {
    weight: 10,
    statuses: [
      'MOI',
      'DA_TIEP_NHAN',
      'DANG_XU_LY',
      'CHO_THANH_TOAN',
      'DANG_XU_LY',
      'DA_XU_LY_XONG',
      'DA_TRA_KET_QUA',
    ],
  },
  { weight: 8, statuses: ['MOI', 'TU_CHOI_TIEP_NHAN'] },
  { weight: 6, statuses: ['MOI', 'DA_TIEP_NHAN', 'DANG_XU_LY', 'RUT_HO_SO'] },
  { weight: 4, statuses: ['MOI', 'DA_TIEP_NHAN', 'DANG_XU_LY', 'DUNG_XU_LY'] },
];

/**
 * How long an agency takes over a step, against the others: a few are slow, so the KPI dashboard shows
 * agencies late as well as on time.
 */
const AGENCY_PACE: Readonly<Record<string, number>> = {
  '000.00.40.H26': 4,
  '000.00.15.H26': 2.2,
};

/** The supplement request the one-stop system records when a dossier enters YEU_CAU_BO_SUNG. */
function supplementRequest(index: number, requestedAt: string, dueAt: string, fulfilled: boolean) {
  const newDue = new Date(Date.parse(dueAt) + 3 * 86_400_000 + 7 * 3600_000).toISOString().slice(0, 10);
  return {
    ma: `BS${index + 1}`,
    nguoiYeuCau: 'Bộ phận Một cửa',
    noiDung: index === 0 ? 'Bổ sung bản sao giấy tờ tùy thân' : 'Bổ sung bản vẽ, giấy tờ chứng minh',
    ngayYeuCau: requestedAt,
    ngayHenTraCu: dueAt,
    ngayHenTraMoi: `${newDue}T17:00:00+07:00`,
    daBoSung: fulfilled,
  };
}

function pickPath(random: Random): string[] {
  let roll = random() * PATHS.reduce((sum, path) => sum + path.weight, 0);
  for (const path of PATHS) if ((roll -= path.weight) < 0) return path.statuses;
  return PATHS[0].statuses;
}

/** ISO 8601 with +07:00 for an instant. */
function localIso(epochMs: number): string {
  const local = new Date(epochMs + 7 * 3600_000);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}

/**
 * Every event of one realistic dossier, in the one-stop system's form and sequence order, with times
 * spread over its processing: a procedure the given sector system receives, at an agency that handles
 * it. `serial` makes the dossier code unique within a run.
 */
export function motcuaLifecycle(
  serial: number,
  startMs: number,
  random: Random = Math.random,
  system: SimulatedSystem = 'motcua',
): MotcuaEvent[] {
  const { agency, procedure } = pickAssignment(random, system);
  // A business dossier names its representative, who is a person too.
  const person = simulatedApplicant(random);
  const business = procedure.applicant === 'DOANH_NGHIEP';
  const submitted = new Date(startMs + 7 * 3600_000);
  const dayCode = `${pad(submitted.getUTCFullYear() % 100)}${pad(submitted.getUTCMonth() + 1)}${pad(submitted.getUTCDate())}`;
  const maHoSo = `${agency.code}-${dayCode}-${pad(serial, 4)}`;
  const channel = random() < 0.65 ? 'TRUC_TUYEN' : random() < 0.85 ? 'TRUC_TIEP' : 'BUU_CHINH';
  const receivedMs = startMs + Math.floor(random() * 4 * 3600_000);
  const dueDay = new Date(receivedMs + 7 * 3600_000 + procedure.days * 86_400_000);
  const dueAt = `${dueDay.toISOString().slice(0, 10)}T17:00:00+07:00`;
  const handler = HANDLERS[procedure.sector];
  const fee = Math.floor(random() * 20) * 5000;

  const draw = random();
  const rating = draw < 0.7 ? 'RAT_HAI_LONG' : draw < 0.95 ? 'HAI_LONG' : 'KHONG_HAI_LONG';
  const path = [...pickPath(random)];
  // Not every online applicant pays online; some dossiers ask for a second supplement (overdue by the
  // national rule), and some are still in process (a backlog, overdue once their due date passes).
  const paysOnline = channel === 'TRUC_TUYEN' && random() < 0.75;
  const secondSupplement = random() < 0.25;
  const stillOpen = random() < 0.06;
  if (secondSupplement && path.includes('YEU_CAU_BO_SUNG')) {
    path.splice(path.indexOf('YEU_CAU_BO_SUNG') + 2, 0, 'YEU_CAU_BO_SUNG', 'DANG_XU_LY');
  }
  if (stillOpen && path.includes('DANG_XU_LY')) path.splice(path.indexOf('DANG_XU_LY') + 1);
  const pace = AGENCY_PACE[agency.code] ?? 1;
  let at = receivedMs;
  let finishedAt: string | null = null;
  let returnedAt: string | null = null;
  const supplements: ReturnType<typeof supplementRequest>[] = [];
  return path.map((status, index) => {
    if (index >= 2) at += Math.floor((0.5 + random() * 20) * pace * 3600_000);
    const occurredAt = localIso(index === 0 ? startMs : at);
    if (status === 'DA_XU_LY_XONG') finishedAt = occurredAt;
    if (status === 'DA_TRA_KET_QUA') returnedAt = occurredAt;
    if (status === 'YEU_CAU_BO_SUNG')
      supplements.push(supplementRequest(supplements.length, occurredAt, dueAt, false));
    else if (supplements.length > 0) supplements[supplements.length - 1].daBoSung = true;
    return {
      eventId: randomUUID(),
      eventType: index === 0 ? 'HoSoMoi' : 'HoSoCapNhatTrangThai',
      occurredAt,
      version: index + 1,
      hoSo: {
        maHoSo,
        soBienNhan: `BN-${pad(serial, 4)}`,
        maTTHC: procedure.code,
        tenTTHC: procedure.name,
        maLinhVuc: procedure.field.code,
        tenLinhVuc: procedure.field.name,
        donViXuLy: { maDinhDanh: agency.code, ten: agency.name },
        kenhNop: channel,
        chuHoSo: {
          loai: procedure.applicant,
          hoTen: business ? pick(random, COMPANY_NAMES) : person.fullName,
          soDinhDanh: person.personalId,
          ngaySinh: person.birthDate,
          dienThoai: `09${pad(Math.floor(random() * 1e8), 8)}`,
          email: null,
        },
        trichYeu: `Đề nghị ${procedure.name.toLowerCase()}`,
        ngayNop: localIso(startMs),
        ngayTiepNhan: localIso(receivedMs),
        ngayHenTra: dueAt,
        trangThai: status,
        ngayKetThucXuLy: finishedAt,
        ngayTraKetQua: returnedAt,
        thanhPhanHoSo: [
          {
            ma: 'TP01',
            ten: 'Đơn đề nghị',
            tepDinhKem: {
              id: `f-${serial}-1`,
              ten: 'don-de-nghi.pdf',
              url: `https://motcua.hanoi.example/files/${maHoSo}/1`,
            },
            daSoHoa: random() < 0.7,
            taiSuDung: random() < 0.2,
          },
        ],
        lePhi:
          fee > 0
            ? [
                {
                  ma: 'LP01',
                  ten: 'Lệ phí',
                  soTien: fee,
                  daThanhToan: index >= 2,
                  hinhThuc: paysOnline ? 'TRUC_TUYEN' : 'TRUC_TIEP',
                },
              ]
            : [],
        yeuCauBoSung: supplements.map((request) => ({ ...request })),
        ketQua: finishedAt
          ? [
              {
                ma: 'KQ01',
                ten: 'Kết quả giải quyết',
                url: `https://motcua.hanoi.example/results/${maHoSo}`,
                soKyHieu: `${serial}/KQ`,
              },
            ]
          : [],
        // The one-stop system asks for a rating once the result is returned.
        danhGia: returnedAt ? { mucDo: rating, thoiDiem: returnedAt } : null,
        xuLy: {
          nguoiXuLy: handler.name,
          chucDanh: handler.title,
          phongBan: handler.unit,
          noiDung: `Chuyển trạng thái ${status}`,
        },
      },
    };
  });
}
