import {
  CITIZEN_NAMESPACE,
  normalizeCitizenName,
  POPULATION_NAMESPACE,
  PopulationOperation,
  toPopulationDate,
  type CitizenAddress,
  type CitizenQuery,
  type CitizenRecord,
  type LookupQuery,
  type PopulationOperationName,
} from '../population.contract';
import {
  childElement,
  childText,
  MalformedXmlError,
  qualified,
  soapEnvelope,
  type XmlContent,
  type XmlElement,
} from './soap-envelope';

/** A request as the gateway reads it: the operation and its fields, names normalised as sent. */
export interface PopulationRequest {
  operation: PopulationOperationName;
  requestId: string;
  officer: string;
  personalId?: string;
  oldCardNumber?: string;
  /** Upper case, accents removed. */
  fullName?: string;
  integrationCode?: string;
  serviceCode?: string;
  unitCode?: string;
  /** NgayThangNamSinh: yyyyMMdd, or only the year. */
  birthDate?: string;
  birthYear?: string;
}

const request = (name: PopulationOperationName, fields: XmlContent): string =>
  soapEnvelope({ [`dan:${name}`]: { '@_xmlns:dan': POPULATION_NAMESPACE, ...qualified('dan', fields) } });

export function lookupRequest(query: LookupQuery): string {
  const { Lookup } = PopulationOperation;
  return request(Lookup.name, {
    MaYeuCau: query.requestId,
    MaDVC: query.serviceCode,
    MaTichHop: Lookup.integrationCode,
    MaCanBo: query.officer,
    MaDonVi: query.unitCode,
    SoDinhDanh: query.personalId,
    HoVaTen: normalizeCitizenName(query.fullName),
    NgayThangNamSinh: query.birthDate
      ? { Nam: query.birthDate.slice(0, 4), NgayThangNam: toPopulationDate(query.birthDate) }
      : undefined,
  });
}

export function verifyRequest(query: CitizenQuery): string {
  return request(PopulationOperation.Verify.name, {
    MaYeuCau: query.requestId,
    MaTichHop: PopulationOperation.Verify.integrationCode,
    MaCanBo: query.officer,
    SoDinhDanh: query.personalId,
    HoVaTen: normalizeCitizenName(query.fullName),
  });
}

/** Reads a request's body element (the gateway's side); a missing MaYeuCau or MaCanBo is malformed. */
export function readPopulationRequest(content: XmlElement): PopulationRequest {
  const operation = Object.values(PopulationOperation).find((known) => known.name === content.name);
  if (content.namespace !== POPULATION_NAMESPACE || !operation) {
    throw new MalformedXmlError(`unknown operation {${content.namespace ?? ''}}${content.name}`);
  }
  const text = (name: string) => childText(content, POPULATION_NAMESPACE, name);
  const required = (name: string) => {
    const value = text(name);
    if (value === undefined) throw new MalformedXmlError(`${operation.name}: ${name} is required`);
    return value;
  };
  const birth = childElement(content, POPULATION_NAMESPACE, 'NgayThangNamSinh');
  return {
    operation: operation.name,
    requestId: required('MaYeuCau'),
    officer: required('MaCanBo'),
    personalId: text('SoDinhDanh'),
    oldCardNumber: text('SoCMND'),
    fullName: text('HoVaTen'),
    integrationCode: text('MaTichHop'),
    serviceCode: text('MaDVC'),
    unitCode: text('MaDonVi'),
    birthDate: birth && childText(birth, POPULATION_NAMESPACE, 'NgayThangNam'),
    birthYear: birth && childText(birth, POPULATION_NAMESPACE, 'Nam'),
  };
}

const response = (operation: PopulationOperationName, content: XmlContent): string =>
  soapEnvelope({ [`dan:${operation}Response`]: { '@_xmlns:dan': POPULATION_NAMESPACE, ...content } });

/** The lookup's answer: a CongdanCollection holding the record, or empty when nobody matched. */
export function lookupResponse(record: CitizenRecord | undefined): string {
  return response(PopulationOperation.Lookup.name, {
    CongdanCollection: {
      '@_xmlns': CITIZEN_NAMESPACE,
      ...(record ? { CongDan: record as unknown as XmlContent } : {}),
    },
  });
}

export function verifyResponse(exists: boolean): string {
  return response(PopulationOperation.Verify.name, { 'dan:TonTai': String(exists) });
}

function answerContent(content: XmlElement, operation: PopulationOperationName): XmlElement {
  if (content.namespace !== POPULATION_NAMESPACE || content.name !== `${operation}Response`) {
    throw new MalformedXmlError(`expected ${operation}Response, got ${content.name}`);
  }
  return content;
}

/** The record in a lookup answer (the client's side), or undefined when not found. */
export function readLookupResponse(content: XmlElement): CitizenRecord | undefined {
  const answer = answerContent(content, PopulationOperation.Lookup.name);
  const collection = childElement(answer, CITIZEN_NAMESPACE, 'CongdanCollection');
  if (!collection) throw new MalformedXmlError('TraCuuThongTinCongDanResponse has no CongdanCollection');
  const citizen = childElement(collection, CITIZEN_NAMESPACE, 'CongDan');
  return citizen && toCitizenRecord(citizen);
}

export function readVerifyResponse(content: XmlElement): boolean {
  const answer = answerContent(content, PopulationOperation.Verify.name);
  const exists = childText(answer, POPULATION_NAMESPACE, 'TonTai');
  if (exists !== 'true' && exists !== 'false') {
    throw new MalformedXmlError(`TonTai must be true or false, got ${exists ?? 'nothing'}`);
  }
  return exists === 'true';
}

function toCitizenRecord(citizen: XmlElement): CitizenRecord {
  const text = (parent: XmlElement, name: string) => childText(parent, CITIZEN_NAMESPACE, name);
  const group = (name: string) => childElement(citizen, CITIZEN_NAMESPACE, name);
  const name = group('HoVaTen');
  const birth = group('NgayThangNamSinh');
  const personalId = text(citizen, 'SoDinhDanh');
  if (!personalId || !name || !birth)
    throw new MalformedXmlError('CongDan lacks SoDinhDanh, HoVaTen or NgayThangNamSinh');
  const address = (element: XmlElement | undefined): CitizenAddress | undefined =>
    element && {
      MaTinhThanh: text(element, 'MaTinhThanh'),
      MaQuanHuyen: text(element, 'MaQuanHuyen'),
      MaPhuongXa: text(element, 'MaPhuongXa'),
      ChiTiet: text(element, 'ChiTiet'),
      QuocGia: text(element, 'QuocGia'),
    };
  const head = group('ChuHo');
  return {
    SoDinhDanh: personalId,
    SoCMND: text(citizen, 'SoCMND'),
    HoVaTen: { Ho: text(name, 'Ho') ?? '', ChuDem: text(name, 'ChuDem'), Ten: text(name, 'Ten') ?? '' },
    GioiTinh: text(citizen, 'GioiTinh'),
    DanToc: text(citizen, 'DanToc'),
    TonGiao: text(citizen, 'TonGiao'),
    NgayThangNamSinh: { Nam: text(birth, 'Nam') ?? '', NgayThangNam: text(birth, 'NgayThangNam') },
    ThuongTru: address(group('ThuongTru')),
    NoiOHienTai: address(group('NoiOHienTai')),
    QueQuan: address(group('QueQuan')),
    QuocTich: text(citizen, 'QuocTich'),
    ChuHo: head && {
      QuanHe: text(head, 'QuanHe'),
      SoDinhDanh: text(head, 'SoDinhDanh'),
      HoVaTen: text(head, 'HoVaTen'),
    },
  };
}
