/**
 * The national population database's contract (DOMAIN.md, "National population database") as the
 * client reads it, in one place. The sandbox keeps its own copy, written separately from DOMAIN.md, so
 * that a misread contract is not mirrored on both sides.
 */
export const POPULATION_NAMESPACE = 'http://dancuquocgia.bca';
/** Namespace of the citizen records inside a lookup answer. */
export const CITIZEN_NAMESPACE = 'http://www.mic.gov.vn/dancu/1.0';
export const SOAP_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

/** The path of the default POPULATION_URL, where the sandbox serves SOAP; real gateways give their own URL. */
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

/** Who is looked up: a 12-digit personal ID (sent as SoDinhDanh) or a 9-digit old ID card (SoCMND). */
export interface CitizenIdentity {
  kind: 'CCCD' | 'CMND';
  number: string;
}

/** What identifies the person in both calls. */
export interface CitizenQuery {
  /** MaYeuCau: unique per call, so the gateway's and our audit logs can be joined. */
  requestId: string;
  /** MaCanBo: the officer (or integration account) on whose behalf the call is made. */
  officer: string;
  identity: CitizenIdentity;
  /** Any spelling; sent upper case without accents (requestName). */
  fullName: string;
}

export interface LookupQuery extends CitizenQuery {
  /** MaDVC: the public service (procedure) the lookup is for. */
  serviceCode: string;
  /** MaDonVi: the agency handling the dossier. */
  unitCode: string;
  /**
   * yyyy-MM-dd, sent as NgayThangNamSinh/NgayThangNam yyyyMMdd; or yyyy when only the year is known,
   * sent as NgayThangNamSinh/Nam. Never both: the gateway refuses that.
   */
  birthDate?: string;
}

/**
 * A citizen record as the lookup returns it (CongdanCollection/CongDan), every field a string and an
 * empty element read as absent. Some gateways put the whole name in Ten and leave Ho and ChuDem empty;
 * a 9-digit card holder may have no SoDinhDanh; old records know only the birth year.
 */
export interface CitizenRecord {
  SoDinhDanh?: string;
  SoCMND?: string;
  HoVaTen: { Ho?: string; ChuDem?: string; Ten?: string };
  GioiTinh?: string;
  DanToc?: string;
  TonGiao?: string;
  NgayThangNamSinh?: { Nam?: string; NgayThangNam?: string };
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

/** yyyy-MM-dd to the database's yyyyMMdd. */
export const toPopulationDate = (isoDate: string): string => isoDate.replace(/-/g, '');
