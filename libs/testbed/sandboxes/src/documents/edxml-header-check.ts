import {
  BUSINESS_DOC_TYPES,
  BUSINESS_SEQUENCE,
  MESSAGE_HEADER_REPEATABLE,
  MESSAGE_HEADER_REQUIRED,
  MESSAGE_HEADER_SEQUENCE,
  SOAP_ENV_NS,
  SOAP_NEXT_ACTOR,
} from './edxml-names';
import {
  attributeOf,
  kidsNamed,
  optionalKid,
  requiredKid,
  requiredText,
  requireSequence,
} from './edxml-nodes';
import { PackageRefusal } from './package-refusal';
import type { XmlNode } from '../xml';

const DATE = /^\d{4}\/\d{2}\/\d{2}$/;
const TIMESTAMP = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/;
const DOCUMENT_ID = /^([^,]+),(\d{4}\/\d{2}\/\d{2}),([^/,]+\/[^,]+)$/;

export interface Organ {
  organId: string;
  organName: string;
}

/** What a status package answers: the four names of ResponseFor. */
export interface DocumentRef {
  organId: string;
  code: string;
  promulgationDate: string;
  documentId: string;
}

export interface CheckedHeader {
  reference: DocumentRef;
  from: Organ;
  /** The first addressee: the organ that registers and completes the package. */
  to: Organ;
  subject: string;
  businessDocType: string;
}

/** `{OrganId},{yyyy/MM/dd},{number}/{notation}`, or undefined when a DocumentId does not read so. */
export function documentRefOf(documentId: string): DocumentRef | undefined {
  const match = DOCUMENT_ID.exec(documentId);
  return match ? { organId: match[1], promulgationDate: match[2], code: match[3], documentId } : undefined;
}

function organ(node: XmlNode): Organ {
  return { organId: requiredText(node, 'OrganId'), organName: requiredText(node, 'OrganName') };
}

function requireFormat(node: XmlNode, local: string, format: RegExp, shape: string): string {
  const value = requiredText(node, local);
  if (!format.test(value))
    throw new PackageRefusal(`${node.path}/${local} must read ${shape}, got "${value}"`);
  return value;
}

/** MessageHeader in the standard's order with its required parts, and a DocumentId that names its sender. */
function checkMessageHeader(header: XmlNode): Omit<CheckedHeader, 'businessDocType'> {
  requireSequence(header, MESSAGE_HEADER_SEQUENCE, MESSAGE_HEADER_REPEATABLE);
  for (const local of MESSAGE_HEADER_REQUIRED) {
    if (kidsNamed(header, local).length === 0) throw new PackageRefusal(`${header.path} lacks ${local}`);
  }
  const from = organ(requiredKid(header, 'From'));
  const to = organ(kidsNamed(header, 'To')[0]);
  const code = requiredKid(header, 'Code');
  requiredText(code, 'CodeNumber');
  requiredText(code, 'CodeNotation');
  requireFormat(requiredKid(header, 'PromulgationInfo'), 'PromulgationDate', DATE, 'yyyy/MM/dd');
  const documentType = requiredKid(header, 'DocumentType');
  requiredText(documentType, 'Type');
  requiredText(documentType, 'TypeName');
  const dueDate = optionalKid(header, 'DueDate');
  if (dueDate && dueDate.text !== '' && !DATE.test(dueDate.text)) {
    throw new PackageRefusal(`${dueDate.path} must read yyyy/MM/dd, got "${dueDate.text}"`);
  }
  const documentId = requiredText(header, 'DocumentId');
  const reference = documentRefOf(documentId);
  if (!reference) {
    throw new PackageRefusal(
      `${header.path}/DocumentId must read {OrganId},{yyyy/MM/dd},{number}/{notation}, got "${documentId}"`,
    );
  }
  if (reference.organId !== from.organId) {
    throw new PackageRefusal(`DocumentId names organ ${reference.organId} but From is ${from.organId}`);
  }
  return { reference, from, to, subject: requiredText(header, 'Subject') };
}

/** The SOAP header attributes, then TraceHeader(s), then Bussiness with a known BussinessDocType. */
function checkTraceHeaderList(list: XmlNode): string {
  if (attributeOf(list, SOAP_ENV_NS, 'mustUnderstand') !== '1') {
    throw new PackageRefusal(`${list.path} must carry SOAP-ENV:mustUnderstand="1" (${SOAP_ENV_NS})`);
  }
  if (attributeOf(list, SOAP_ENV_NS, 'actor') !== SOAP_NEXT_ACTOR) {
    throw new PackageRefusal(`${list.path} must carry SOAP-ENV:actor="${SOAP_NEXT_ACTOR}"`);
  }
  requireSequence(list, ['TraceHeader', 'Bussiness'], ['TraceHeader']);
  const traces = kidsNamed(list, 'TraceHeader');
  if (traces.length === 0) throw new PackageRefusal(`${list.path} lacks TraceHeader`);
  for (const trace of traces) {
    requiredText(trace, 'OrganId');
    requireFormat(trace, 'Timestamp', TIMESTAMP, 'yyyy/MM/dd HH:mm:ss');
  }
  const business = requiredKid(list, 'Bussiness');
  requireSequence(business, BUSINESS_SEQUENCE);
  const docType = requiredText(business, 'BussinessDocType');
  if (!BUSINESS_DOC_TYPES.includes(docType)) {
    throw new PackageRefusal(
      `${business.path}/BussinessDocType must be one of ${BUSINESS_DOC_TYPES.join(', ')}`,
    );
  }
  return docType;
}

export function checkHeader(messageHeader: XmlNode, traceHeaderList: XmlNode): CheckedHeader {
  return { ...checkMessageHeader(messageHeader), businessDocType: checkTraceHeaderList(traceHeaderList) };
}
