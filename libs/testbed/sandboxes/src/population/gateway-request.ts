import {
  BIRTH_DATE_PATTERN,
  BIRTH_YEAR_PATTERN,
  GATEWAY_NAMESPACE,
  GatewayOperation,
  OLD_CARD_PATTERN,
  PERSONAL_ID_PATTERN,
  SOAP_NAMESPACE,
  type GatewayOperationName,
} from './gateway.contract';
import type { XmlNode } from '../xml';
import { childrenNamed, readGatewayXml, UnreadableRequest } from './gateway-xml';

/** A request as the gateway understood it, every rule of the contract checked. */
export interface GatewayRequest {
  operation: GatewayOperationName;
  requestId: string;
  officer: string;
  serviceCode?: string;
  unitCode?: string;
  /** Exactly one of the two. */
  personalId?: string;
  oldCardNumber?: string;
  /** As sent (upper case, accents removed, by the contract); compared folded. */
  fullName?: string;
  /** At most one of the two: NgayThangNam yyyyMMdd, or Nam yyyy. */
  birthDate?: string;
  birthYear?: string;
}

const isOperation = (name: string): name is GatewayOperationName => Object.hasOwn(GatewayOperation, name);

/** The one element a SOAP 1.1 envelope's Body carries. */
function bodyContent(xml: string): XmlNode {
  const envelope = readGatewayXml(xml);
  if (envelope.ns !== SOAP_NAMESPACE || envelope.local !== 'Envelope') {
    throw new UnreadableRequest(`expected a SOAP 1.1 Envelope in ${SOAP_NAMESPACE}`);
  }
  const bodies = childrenNamed(envelope, SOAP_NAMESPACE, 'Body');
  if (bodies.length !== 1 || bodies[0].kids.length !== 1) {
    throw new UnreadableRequest('expected one SOAP Body with exactly one element');
  }
  return bodies[0].kids[0];
}

/** A field's text in the gateway namespace; an empty element counts as absent, a repeated one is refused. */
function fieldReader(parent: XmlNode) {
  return (name: string): string | undefined => {
    const found = childrenNamed(parent, GATEWAY_NAMESPACE, name);
    if (found.length > 1) throw new UnreadableRequest(`${name} is given ${found.length} times`);
    return found[0]?.text || undefined;
  };
}

/** One of two fields that exclude each other, the format the contract gives it, and the refusal if it lacks it. */
type Alternative = [name: string, format: RegExp, misformatted: string];

/** Exactly one of the two fields must be given, in its format; their values, one of them undefined. */
function exactlyOneOf(
  field: (name: string) => string | undefined,
  neitherOrBoth: string,
  ...alternatives: [Alternative, Alternative]
): [string | undefined, string | undefined] {
  const [first, second] = alternatives.map(([name]) => field(name));
  if ((first === undefined) === (second === undefined)) throw new UnreadableRequest(neitherOrBoth);
  const [, format, misformatted] = alternatives[first === undefined ? 1 : 0];
  if (!format.test(first ?? second!)) throw new UnreadableRequest(misformatted);
  return [first, second];
}

/** NgayThangNamSinh: when given, exactly one of Nam (yyyy) or NgayThangNam (yyyyMMdd), never both. */
function readBirth(operation: XmlNode): Pick<GatewayRequest, 'birthDate' | 'birthYear'> {
  const groups = childrenNamed(operation, GATEWAY_NAMESPACE, 'NgayThangNamSinh');
  if (groups.length === 0) return {};
  if (groups.length > 1) throw new UnreadableRequest('NgayThangNamSinh is given more than once');
  const [birthDate, birthYear] = exactlyOneOf(
    fieldReader(groups[0]),
    'NgayThangNamSinh must hold exactly one of Nam or NgayThangNam',
    ['NgayThangNam', BIRTH_DATE_PATTERN, 'NgayThangNamSinh/NgayThangNam must be yyyyMMdd'],
    ['Nam', BIRTH_YEAR_PATTERN, 'NgayThangNamSinh/Nam must be yyyy'],
  );
  return { birthDate, birthYear };
}

/** SoDinhDanh (12 digits) or SoCMND (9 digits): exactly one. */
function readIdentity(field: (name: string) => string | undefined) {
  const [personalId, oldCardNumber] = exactlyOneOf(
    field,
    'exactly one of SoDinhDanh or SoCMND is required',
    ['SoDinhDanh', PERSONAL_ID_PATTERN, 'SoDinhDanh must have 12 digits'],
    ['SoCMND', OLD_CARD_PATTERN, 'SoCMND must have 9 digits'],
  );
  return { personalId, oldCardNumber };
}

/** Reads and checks a SOAP request as the gateway does; throws UnreadableRequest saying what is wrong. */
export function readGatewayRequest(xml: string): GatewayRequest {
  const operation = bodyContent(xml);
  const name = operation.local;
  if (operation.ns !== GATEWAY_NAMESPACE || !isOperation(name)) {
    throw new UnreadableRequest(`unknown operation {${operation.ns ?? ''}}${name}`);
  }
  const field = fieldReader(operation);
  const required = (fieldName: string) => {
    const value = field(fieldName);
    if (value === undefined) throw new UnreadableRequest(`${name}: ${fieldName} is required`);
    return value;
  };
  const { integrationCode } = GatewayOperation[name];
  const givenCode = field('MaTichHop');
  // The lookup names its integration code; a verification may leave it out, but must not give another.
  const mayOmitCode = name === 'XacThucThongTinCongDan' && givenCode === undefined;
  if (!mayOmitCode && givenCode !== integrationCode) {
    throw new UnreadableRequest(`MaTichHop must be ${integrationCode} for ${name}`);
  }
  return {
    operation: name,
    requestId: required('MaYeuCau'),
    officer: required('MaCanBo'),
    serviceCode: field('MaDVC'),
    unitCode: field('MaDonVi'),
    ...readIdentity(field),
    fullName: name === 'XacThucThongTinCongDan' ? required('HoVaTen') : field('HoVaTen'),
    ...(name === 'TraCuuThongTinCongDan' ? readBirth(operation) : {}),
  };
}
