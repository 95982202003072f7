import { SchemaValidator, type DossierEvent, type MotcuaEvent } from '@lienthong/schemas';
import { parseJson } from '../json-source';
import { optionalIsoTime, parseIsoDate, requiredIsoTime } from '../local-time';
import {
  cleanText,
  lookupCode,
  normalizeAgencyCode,
  normalizeDossierCode,
  normalizeProcedureCode,
  requiredText,
  withoutUndefined,
} from '../normalize';
import { parsePersonalId } from '../personal-id';
import { RejectionReason } from '../rejection';
import type { SourceMapper } from '../source-mapper';
import {
  MOTCUA_APPLICANT_TYPE,
  MOTCUA_CHANNEL,
  MOTCUA_ONLINE_PAYMENT,
  MOTCUA_RATING,
  MOTCUA_STATUS,
} from './motcua.codes';

/** The city's one-stop system: JSON, Vietnamese camelCase names, ISO 8601 times with offset. */
export class MotcuaMapper implements SourceMapper<MotcuaEvent> {
  readonly system = 'motcua';
  readonly schema = new SchemaValidator<MotcuaEvent>('sources/motcua.v1.json');

  parse(bytes: Buffer): unknown {
    return parseJson(bytes);
  }

  toDossier(event: MotcuaEvent): DossierEvent {
    const hoSo = event.hoSo;
    const chuHoSo = hoSo.chuHoSo;
    const birthDate =
      cleanText(chuHoSo.ngaySinh) && parseIsoDate(chuHoSo.ngaySinh!, '/hoSo/chuHoSo/ngaySinh');
    return {
      dossierCode: normalizeDossierCode(hoSo.maHoSo, '/hoSo/maHoSo'),
      receiptNumber: cleanText(hoSo.soBienNhan),
      summary: cleanText(hoSo.trichYeu),
      procedure: {
        code: normalizeProcedureCode(hoSo.maTTHC, '/hoSo/maTTHC'),
        name: cleanText(hoSo.tenTTHC),
      },
      field: cleanText(hoSo.maLinhVuc)
        ? { code: cleanText(hoSo.maLinhVuc)!, name: cleanText(hoSo.tenLinhVuc) }
        : null,
      agency: {
        code: normalizeAgencyCode(hoSo.donViXuLy.maDinhDanh, '/hoSo/donViXuLy/maDinhDanh'),
        name: cleanText(hoSo.donViXuLy.ten),
      },
      applicant: {
        type: lookupCode(MOTCUA_APPLICANT_TYPE, chuHoSo.loai, '/hoSo/chuHoSo/loai'),
        name: requiredText(chuHoSo.hoTen, '/hoSo/chuHoSo/hoTen', RejectionReason.SchemaInvalid),
        identity: parsePersonalId(chuHoSo.soDinhDanh, birthDate || null, '/hoSo/chuHoSo/soDinhDanh'),
        birthDate: birthDate || null,
        phone: cleanText(chuHoSo.dienThoai),
        email: cleanText(chuHoSo.email),
      },
      channel: lookupCode(MOTCUA_CHANNEL, hoSo.kenhNop, '/hoSo/kenhNop'),
      status: lookupCode(MOTCUA_STATUS, hoSo.trangThai, '/hoSo/trangThai', RejectionReason.UnknownStatus),
      times: withoutUndefined({
        submittedAt: optionalIsoTime(hoSo.ngayNop, '/hoSo/ngayNop'),
        receivedAt: requiredIsoTime(hoSo.ngayTiepNhan, '/hoSo/ngayTiepNhan'),
        dueAt: optionalIsoTime(hoSo.ngayHenTra, '/hoSo/ngayHenTra'),
        finishedAt: optionalIsoTime(hoSo.ngayKetThucXuLy, '/hoSo/ngayKetThucXuLy'),
        returnedAt: optionalIsoTime(hoSo.ngayTraKetQua, '/hoSo/ngayTraKetQua'),
        rejectedAt: optionalIsoTime(hoSo.ngayTuChoi, '/hoSo/ngayTuChoi'),
      }),
      documents: (hoSo.thanhPhanHoSo ?? []).map((part) => ({
        code: cleanText(part.ma) ?? '',
        name: cleanText(part.ten) ?? '',
        fileId: cleanText(part.tepDinhKem?.id),
        fileName: cleanText(part.tepDinhKem?.ten),
        url: cleanText(part.tepDinhKem?.url),
        digitized: part.daSoHoa === true,
        reused: part.taiSuDung === true,
      })),
      fees: (hoSo.lePhi ?? []).map((fee) => ({
        code: cleanText(fee.ma) ?? '',
        name: cleanText(fee.ten) ?? '',
        amount: fee.soTien,
        paid: fee.daThanhToan === true,
        paidOnline: fee.daThanhToan === true && MOTCUA_ONLINE_PAYMENT.has(cleanText(fee.hinhThuc) ?? ''),
      })),
      supplementRequests: (hoSo.yeuCauBoSung ?? []).map((request, index) =>
        withoutUndefined({
          id: cleanText(request.ma) ?? '',
          requestedBy: cleanText(request.nguoiYeuCau),
          content: cleanText(request.noiDung) ?? '',
          requestedAt: optionalIsoTime(request.ngayYeuCau, `/hoSo/yeuCauBoSung/${index}/ngayYeuCau`),
          previousDueAt: optionalIsoTime(request.ngayHenTraCu, `/hoSo/yeuCauBoSung/${index}/ngayHenTraCu`),
          newDueAt: optionalIsoTime(request.ngayHenTraMoi, `/hoSo/yeuCauBoSung/${index}/ngayHenTraMoi`),
          fulfilled: request.daBoSung === true,
        }),
      ),
      results: (hoSo.ketQua ?? []).map((result) => ({
        code: cleanText(result.ma) ?? '',
        name: cleanText(result.ten) ?? '',
        number: cleanText(result.soKyHieu),
        url: cleanText(result.url),
      })),
      processing: hoSo.xuLy
        ? {
            handler: cleanText(hoSo.xuLy.nguoiXuLy) ?? '',
            title: cleanText(hoSo.xuLy.chucDanh),
            unit: cleanText(hoSo.xuLy.phongBan),
            content: cleanText(hoSo.xuLy.noiDung),
          }
        : null,
      rating: hoSo.danhGia
        ? withoutUndefined({
            level: lookupCode(MOTCUA_RATING, hoSo.danhGia.mucDo, '/hoSo/danhGia/mucDo'),
            ratedAt: optionalIsoTime(hoSo.danhGia.thoiDiem, '/hoSo/danhGia/thoiDiem'),
          })
        : null,
      provenance: {
        sourceSystem: this.system,
        sourceEventId: requiredText(event.eventId, '/eventId', RejectionReason.SchemaInvalid),
        sourceEventType: cleanText(event.eventType),
        eventTime: requiredIsoTime(event.occurredAt, '/occurredAt'),
        sequence: event.version,
      },
    };
  }
}
