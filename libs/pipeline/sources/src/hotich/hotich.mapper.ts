import { SchemaValidator, type DossierEvent, type HotichEvent } from '@lienthong/schemas';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseVietnameseDateTime, toLocalIso } from '../local-time';
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
import { RejectionError, RejectionReason } from '../rejection';
import type { SourceMapper } from '../source-mapper';
import { decodeUtf8 } from '../utf8';
import { DUE_TIME_OF_DAY, HOTICH_APPLICANT_TYPE, HOTICH_CHANNEL, HOTICH_STATUS } from './hotich.codes';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (_name, path) => path === 'SuKienHoSo.HoSo.KetQua.GiayTo',
});

/** The civil-registry system: XML in namespace urn:hotich:sukien:1, dd/MM/yyyy[ HH:mm[:ss]] local times. */
export class HotichMapper implements SourceMapper<HotichEvent> {
  readonly system = 'hotich';
  readonly schema = new SchemaValidator<HotichEvent>('sources/hotich.v1.json');

  parse(bytes: Buffer): unknown {
    let xml: string;
    try {
      xml = decodeUtf8(bytes);
    } catch {
      throw new RejectionError(RejectionReason.Unparseable, 'not UTF-8 text');
    }
    // Entities declared in a DOCTYPE can expand a few bytes into gigabytes; no sector system needs one.
    if (/<!DOCTYPE/i.test(xml)) {
      throw new RejectionError(
        RejectionReason.Unparseable,
        'a document type declaration (DOCTYPE) is not accepted',
      );
    }
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      throw new RejectionError(
        RejectionReason.Unparseable,
        `not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`,
      );
    }
    return parser.parse(xml);
  }

  toDossier(event: HotichEvent): DossierEvent {
    const { SuKienHoSo: root } = event;
    const hoSo = root.HoSo;
    const person = hoSo.NguoiYeuCau;
    const time = (value: string | undefined, path: string) =>
      cleanText(value) === null ? undefined : toLocalIso(parseVietnameseDateTime(value!, path));
    const birthDate = time(person.NgaySinh, '/SuKienHoSo/HoSo/NguoiYeuCau/NgaySinh')?.slice(0, 10) ?? null;
    const results = typeof hoSo.KetQua === 'object' ? (hoSo.KetQua.GiayTo ?? []) : [];
    const status = lookupCode(
      HOTICH_STATUS,
      hoSo.TinhTrang,
      '/SuKienHoSo/HoSo/TinhTrang',
      RejectionReason.UnknownStatus,
    );
    const requiredTime = (value: string | undefined, path: string) => {
      const parsed = time(value, path);
      if (!parsed) throw new RejectionError(RejectionReason.InvalidDate, `${path} is empty`, path);
      return parsed;
    };
    return {
      dossierCode: normalizeDossierCode(hoSo.SoHoSo, '/SuKienHoSo/HoSo/SoHoSo'),
      receiptNumber: null,
      summary: null,
      procedure: {
        code: normalizeProcedureCode(hoSo.LoaiViec['@ma'], '/SuKienHoSo/HoSo/LoaiViec/@ma'),
        name: cleanText(hoSo.LoaiViec['#text']),
      },
      field: null,
      agency: {
        code: normalizeAgencyCode(hoSo.CoQuan['@maDinhDanh'], '/SuKienHoSo/HoSo/CoQuan/@maDinhDanh'),
        name: cleanText(hoSo.CoQuan['#text']),
      },
      applicant: {
        type: HOTICH_APPLICANT_TYPE,
        name: requiredText(person.HoTen, '/SuKienHoSo/HoSo/NguoiYeuCau/HoTen', RejectionReason.SchemaInvalid),
        identity: this.identity(person.GiayTo, birthDate),
        birthDate,
        phone: null,
        email: null,
      },
      channel: lookupCode(HOTICH_CHANNEL, hoSo.HinhThucNop, '/SuKienHoSo/HoSo/HinhThucNop'),
      status,
      times: withoutUndefined({
        receivedAt: requiredTime(hoSo.NgayNhan, '/SuKienHoSo/HoSo/NgayNhan'),
        dueAt:
          cleanText(hoSo.HanTra) === null
            ? undefined
            : toLocalIso(parseVietnameseDateTime(hoSo.HanTra!, '/SuKienHoSo/HoSo/HanTra', DUE_TIME_OF_DAY)),
      }),
      documents: [],
      fees: [],
      supplementRequests: [],
      results: results.map((paper, index) => ({
        code: `KQ${index + 1}`,
        name: cleanText(paper['@ten']) ?? '',
        number: cleanText(paper['@so']),
        url: cleanText(paper['@duongDan']),
      })),
      processing: null,
      provenance: {
        sourceSystem: this.system,
        sourceEventId: requiredText(root.MaSuKien, '/SuKienHoSo/MaSuKien', RejectionReason.SchemaInvalid),
        sourceEventType: null,
        eventTime: requiredTime(root.ThoiDiem, '/SuKienHoSo/ThoiDiem'),
        sequence: Number(root.SoThuTu.trim()),
      },
    };
  }

  /** The ID must have the length its declared kind has: CCCD 12 digits, CMND 9. */
  private identity(
    paper: { '#text': string; '@loai': 'CCCD' | 'CMND' } | undefined,
    birthDate: string | null,
  ) {
    const path = '/SuKienHoSo/HoSo/NguoiYeuCau/GiayTo';
    const identity = parsePersonalId(paper?.['#text'], birthDate, path);
    if (identity && identity.kind !== paper!['@loai']) {
      throw new RejectionError(
        RejectionReason.InvalidPersonalId,
        `personal ID at ${path} is declared ${paper!['@loai']} but has the length of a ${identity.kind}`,
        path,
      );
    }
    return identity;
  }
}
