import type { GtvtEvent, MotcuaEvent } from '@lienthong/schemas';
import type { SimulatedSystem } from './agency-catalogue';

/** The same dossier event as the other sector systems would publish it, for mixed simulated traffic. */

const HOTICH_STATUS: Record<string, string> = {
  MOI: '1',
  DA_TIEP_NHAN: '2',
  DANG_XU_LY: '3',
  YEU_CAU_BO_SUNG: '4',
  DA_XU_LY_XONG: '5',
  DA_TRA_KET_QUA: '6',
  TU_CHOI_TIEP_NHAN: '7',
  RUT_HO_SO: '8',
  // The civil registry has no payment or stop states: those steps read as "in process" there.
  CHO_THANH_TOAN: '3',
  DUNG_XU_LY: '3',
};
const GTVT_STATUS: Record<string, string> = {
  MOI: 'submitted',
  DA_TIEP_NHAN: 'accepted',
  TU_CHOI_TIEP_NHAN: 'rejected',
  DANG_XU_LY: 'in_review',
  YEU_CAU_BO_SUNG: 'needs_supplement',
  CHO_THANH_TOAN: 'awaiting_payment',
  RUT_HO_SO: 'withdrawn',
  DUNG_XU_LY: 'suspended',
  DA_XU_LY_XONG: 'approved',
  DA_TRA_KET_QUA: 'delivered',
};
const CHANNEL_NUMBER: Record<string, string> = { TRUC_TIEP: '1', TRUC_TUYEN: '2', BUU_CHINH: '3' };
const GTVT_CHANNEL: Record<string, string> = {
  TRUC_TIEP: 'counter',
  TRUC_TUYEN: 'online',
  BUU_CHINH: 'post',
};

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (char) => `&#${char.charCodeAt(0)};`);
const pad = (value: number) => String(value).padStart(2, '0');

/** ISO +07:00 local time as dd/MM/yyyy HH:mm:ss (the civil registry's form). */
function vietnameseDateTime(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
}

/** Four-part agency code 000.00.NN.Xnn to the dotted form Xnn.NN.03 the civil registry uses. */
function dottedAgency(code: string): string {
  const [, , level2, top] = code.split('.');
  return `${top}.${level2}.03`;
}

export function toHotichXml(event: MotcuaEvent): string {
  const hoSo = event.hoSo;
  const agency = dottedAgency(hoSo.donViXuLy.maDinhDanh);
  const code = hoSo.maHoSo.replace(hoSo.donViXuLy.maDinhDanh, agency);
  const [year, month, day] = (hoSo.chuHoSo.ngaySinh ?? '1990-01-01').split('-').map(Number);
  const results = (hoSo.ketQua ?? [])
    .map(
      (result) =>
        `<GiayTo so="${escapeXml(result.soKyHieu ?? '')}" ten="${escapeXml(result.ten)}" duongDan="${escapeXml(result.url ?? '')}"/>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<SuKienHoSo xmlns="urn:hotich:sukien:1">` +
    `<MaSuKien>HT-${event.eventId}</MaSuKien><ThoiDiem>${vietnameseDateTime(event.occurredAt)}</ThoiDiem><SoThuTu>${event.version}</SoThuTu>` +
    `<HoSo><SoHoSo>${code}</SoHoSo><LoaiViec ma="${hoSo.maTTHC}">${escapeXml(hoSo.tenTTHC ?? '')}</LoaiViec>` +
    `<CoQuan maDinhDanh="${agency}">${escapeXml(hoSo.donViXuLy.ten ?? '')}</CoQuan>` +
    `<NguoiYeuCau><HoTen>${escapeXml(hoSo.chuHoSo.hoTen.toUpperCase())}</HoTen><GiayTo loai="CCCD">${hoSo.chuHoSo.soDinhDanh}</GiayTo>` +
    `<NgaySinh>${pad(day)}/${pad(month)}/${year}</NgaySinh><DiaChi>Số ${event.version * 7} phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội</DiaChi></NguoiYeuCau>` +
    `<HinhThucNop>${CHANNEL_NUMBER[hoSo.kenhNop]}</HinhThucNop><NgayNhan>${vietnameseDateTime(hoSo.ngayTiepNhan).slice(0, 16)}</NgayNhan>` +
    `<HanTra>${vietnameseDateTime(hoSo.ngayHenTra ?? hoSo.ngayTiepNhan).slice(0, 10)}</HanTra><TinhTrang>${HOTICH_STATUS[hoSo.trangThai]}</TinhTrang>` +
    `<GhiChu>${escapeXml(hoSo.xuLy?.noiDung ?? '')} — ${escapeXml(hoSo.trichYeu ?? '')}</GhiChu>` +
    (results ? `<KetQua>${results}</KetQua>` : '') +
    `</HoSo></SuKienHoSo>`
  );
}

export function toGtvtEvent(event: MotcuaEvent): GtvtEvent {
  const hoSo = event.hoSo;
  const epoch = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);
  const id = hoSo.chuHoSo.soDinhDanh ?? '';
  return {
    id: `evt_${hoSo.maHoSo}_${event.version}_${event.eventId.slice(0, 8)}`,
    type: 'application.status_changed',
    ts: Date.parse(event.occurredAt),
    seq: event.version,
    application: {
      ref: hoSo.maHoSo,
      procedure: { code: hoSo.maTTHC, name: hoSo.tenTTHC },
      office: hoSo.donViXuLy.maDinhDanh,
      applicant: {
        kind: hoSo.chuHoSo.loai === 'DOANH_NGHIEP' ? 'company' : 'person',
        fullName: hoSo.chuHoSo.hoTen
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/đ/g, 'd')
          .replace(/Đ/g, 'D'),
        nationalId: `${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6)}`,
        birthDate: epoch(`${hoSo.chuHoSo.ngaySinh}T00:00:00+07:00`),
      },
      channel: GTVT_CHANNEL[hoSo.kenhNop],
      submittedAt: epoch(hoSo.ngayNop),
      acceptedAt: Date.parse(hoSo.ngayTiepNhan),
      dueAt: epoch(hoSo.ngayHenTra),
      completedAt: epoch(hoSo.ngayKetThucXuLy),
      deliveredAt: epoch(hoSo.ngayTraKetQua),
      status: GTVT_STATUS[hoSo.trangThai],
      fees: (hoSo.lePhi ?? []).map((fee) => ({
        code: fee.ma,
        label: fee.ten,
        amountVnd: fee.soTien,
        paid: fee.daThanhToan,
        paidOnline: fee.hinhThuc === 'TRUC_TUYEN',
      })),
      documents: (hoSo.thanhPhanHoSo ?? []).map((part) => ({
        code: part.ma,
        name: part.ten,
        fileId: part.tepDinhKem?.id,
        url: part.tepDinhKem?.url,
        digitized: part.daSoHoa,
        reused: part.taiSuDung,
      })),
      outputs: (hoSo.ketQua ?? []).map((result) => ({
        code: result.ma,
        name: result.ten,
        number: result.soKyHieu,
        url: result.url,
      })),
      handler: hoSo.xuLy
        ? {
            name: hoSo.xuLy.nguoiXuLy,
            title: hoSo.xuLy.chucDanh,
            unit: hoSo.xuLy.phongBan,
            note: hoSo.xuLy.noiDung,
          }
        : null,
    },
  };
}

/** Each simulated sector system: how it writes a dossier event, and the event id it gives it. */
export const SIMULATED_SYSTEMS: {
  system: SimulatedSystem;
  encode: (event: MotcuaEvent) => { value: string; eventId: string };
}[] = [
  { system: 'motcua', encode: (event) => ({ value: JSON.stringify(event), eventId: event.eventId }) },
  { system: 'hotich', encode: (event) => ({ value: toHotichXml(event), eventId: `HT-${event.eventId}` }) },
  {
    system: 'gtvt',
    encode: (event) => {
      const gtvt = toGtvtEvent(event);
      return { value: JSON.stringify(gtvt), eventId: gtvt.id };
    },
  },
];
