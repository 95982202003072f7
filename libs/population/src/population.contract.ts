/**
 * The national population database's contract (DOMAIN.md, "National population database"), in one
 * place: the client, the connector and the sandbox all read it from here.
 */
export const POPULATION_NAMESPACE = 'http://dancuquocgia.bca';
/** Namespace of the citizen records inside a lookup answer. */
export const CITIZEN_NAMESPACE = 'http://www.mic.gov.vn/dancu/1.0';
export const SOAP_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

/** Where the sandbox gateway serves the SOAP endpoint; real gateways give their own URL (POPULATION_URL). */
export const POPULATION_SERVICE_PATH = '/dancuquocgia';

/** The two calls, with the integration code (MaTichHop) each is registered under at the gateway. */
export const PopulationOperation = {
  Lookup: { name: 'TraCuuThongTinCongDan', integrationCode: '037' },
  Verify: { name: 'XacThucThongTinCongDan', integrationCode: '033' },
} as const;
export type PopulationOperationName = (typeof PopulationOperation)[keyof typeof PopulationOperation]['name'];

/** The gateway's authentication headers (X-Road style). */
export const PopulationHeader = {
  Timestamp: 'Timestamp',
  Authorization: 'Authorization',
  Client: 'X-Road-Client',
  ApiKey: 'ApiKey',
  ContentType: 'Content-Type',
} as const;
export const POPULATION_CONTENT_TYPE = 'application/xml';

/** SOAP 1.1 fault codes: the caller's request is wrong (Client) or the gateway failed (Server). */
export const SoapFaultCode = { Client: 'Client', Server: 'Server' } as const;
export type SoapFaultCodeName = (typeof SoapFaultCode)[keyof typeof SoapFaultCode];

/** What identifies the person in both calls. */
export interface CitizenQuery {
  /** MaYeuCau: unique per call, so the gateway's and our audit logs can be joined. */
  requestId: string;
  /** MaCanBo: the officer (or integration account) on whose behalf the call is made. */
  officer: string;
  /** 12-digit personal ID (SoDinhDanh). */
  personalId: string;
  /** Any spelling; sent upper case without accents (normalizeCitizenName). */
  fullName: string;
}

export interface LookupQuery extends CitizenQuery {
  /** MaDVC: the public service (procedure) the lookup is for. */
  serviceCode: string;
  /** MaDonVi: the agency handling the dossier. */
  unitCode: string;
  /** yyyy-MM-dd; sent as NgayThangNamSinh/NgayThangNam yyyyMMdd. */
  birthDate?: string;
}

/** A citizen record as the lookup returns it (CongdanCollection/CongDan), every field a string. */
export interface CitizenRecord {
  SoDinhDanh: string;
  SoCMND?: string;
  HoVaTen: { Ho: string; ChuDem?: string; Ten: string };
  GioiTinh?: string;
  DanToc?: string;
  TonGiao?: string;
  NgayThangNamSinh: { Nam: string; NgayThangNam?: string };
  ThuongTru?: CitizenAddress;
  NoiOHienTai?: CitizenAddress;
  QueQuan?: CitizenAddress;
  QuocTich?: string;
  ChuHo?: { QuanHe?: string; SoDinhDanh?: string; HoVaTen?: string };
}

export interface CitizenAddress {
  MaTinhThanh?: string;
  MaQuanHuyen?: string;
  MaPhuongXa?: string;
  ChiTiet?: string;
  QuocGia?: string;
}

/** GioiTinh codes. */
export const Sex = { Male: '1', Female: '2' } as const;

/**
 * A name as the database compares it: accents removed (đ/Đ become D), upper case, single spaces.
 * "Nguyễn Thùy Hoa", "NGUYỄN THÙY HOA" and "nguyen  thuy hoa" are the same person's name.
 */
export function normalizeCitizenName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** yyyy-MM-dd to the database's yyyyMMdd. */
export const toPopulationDate = (isoDate: string): string => isoDate.replace(/-/g, '');

/** The full name of a record, joined as people write it. */
export const recordFullName = ({ HoVaTen }: CitizenRecord): string =>
  [HoVaTen.Ho, HoVaTen.ChuDem, HoVaTen.Ten].filter(Boolean).join(' ');
