/**
 * The population database gateway's contract as the sandbox reads it from DOMAIN.md ("National
 * population database") and the golden messages in test/fixtures/contracts/population, in one place.
 * Written apart from the connector's client on purpose: a contract misread on one side must show up as
 * a failing test, not be mirrored on both.
 */
export const SOAP_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
/** The operations and their request fields. */
export const GATEWAY_NAMESPACE = 'http://dancuquocgia.bca';
/** The citizen records in a lookup answer (CongdanCollection/CongDan). */
export const CITIZEN_NAMESPACE = 'http://www.mic.gov.vn/dancu/1.0';

/** Where the sandbox serves SOAP; both operations are posted to it, told apart by the body. */
export const GATEWAY_PATH = '/dancuquocgia';

/** The operations, with the integration code (MaTichHop) each is registered under. */
export const GatewayOperation = {
  TraCuuThongTinCongDan: { integrationCode: '037' },
  XacThucThongTinCongDan: { integrationCode: '033' },
} as const;
export type GatewayOperationName = keyof typeof GatewayOperation;

/** Request headers: X-Road style signed calls. */
export const GatewayHeader = {
  Timestamp: 'Timestamp',
  Authorization: 'Authorization',
  Client: 'X-Road-Client',
  ApiKey: 'ApiKey',
  ContentType: 'Content-Type',
} as const;
export const GATEWAY_CONTENT_TYPE = 'application/xml';

export const PERSONAL_ID_PATTERN = /^\d{12}$/;
export const OLD_CARD_PATTERN = /^\d{9}$/;
export const BIRTH_YEAR_PATTERN = /^\d{4}$/;
export const BIRTH_DATE_PATTERN = /^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

/** GioiTinh codes. */
export const GatewaySex = { male: '1', female: '2' } as const;

/**
 * How the gateway answers:
 * - real: as DOMAIN.md shows it, pretty-printed, `soapenv:` with `xmlns:dan` on Header and Body,
 *   `ns1:CongdanCollection` directly under the Body, empty elements written `<ns1:X/>`;
 * - wrapped: an older gateway, compact, `soap:` and `tns:` prefixes, the collection in the default
 *   namespace inside a `tns:TraCuuThongTinCongDanResponse`, empty elements left out.
 */
export const ANSWER_STYLES = ['real', 'wrapped'] as const;
export type AnswerStyle = (typeof ANSWER_STYLES)[number];

/**
 * Where a record's name is: split over Ho, ChuDem and Ten; whole in Ten (upper case, Ho and ChuDem
 * empty), as some gateways answer; or mixed, every third registry citizen whole in Ten.
 */
export const NAME_STYLES = ['split', 'whole-in-ten', 'mixed'] as const;
export type NameStyle = (typeof NAME_STYLES)[number];
