/**
 * The edXML contract (QCVN 102:2016/BTTTT) as DOMAIN.md and public edXML code describe it, in one place
 * for the connector: namespace, element names, code tables and the shapes it reads and writes. The
 * documents sandbox keeps its own copy on purpose; both are tested on the golden packages in
 * test/fixtures/contracts/edxml, whose README records which reading we follow and why.
 */
export const EDXML_NAMESPACE = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
/** Receivers reject envelope children that do not carry this prefix. */
export const EDXML_PREFIX = 'edXML:';
export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';
/** TraceHeaderList carries SOAP 1.1 header attributes, inherited from ebXML: mustUnderstand and actor. */
export const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP_ACTOR_NEXT = 'http://schemas.xmlsoap.org/soap/actor/next';
/** Manifest references point at their attachment with `xlink:href="cid:N"` as well as ContentId. */
export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';
export const MANIFEST_VERSION = '1.0';
export const SHA256_ALGORITHM = 'http://www.w3.org/2001/04/xmlenc#sha256';

/** `StatusCode` of a status package. */
export const StatusCode = {
  Arrived: '01',
  Refused: '02',
  AcceptedAndRegistered: '03',
  Assigned: '04',
  InProcess: '05',
  Done: '06',
  RecallRequested: '13',
  UpdateOrRecallAgreed: '15',
  UpdateOrRecallRefused: '16',
} as const;
export type StatusCode = (typeof StatusCode)[keyof typeof StatusCode];
export const STATUS_CODES: readonly string[] = Object.values(StatusCode);

/** `Bussiness/BussinessDocType` (spelled so in the standard): why the package is sent. */
export const BusinessDocType = { New: '0', Revocation: '1', Update: '2', Replacement: '3' } as const;
export type BusinessDocType = (typeof BusinessDocType)[keyof typeof BusinessDocType];

/** How a receiver acknowledges a package it took from its inbox. */
export type AckStatus = 'done' | 'fail' | 'processing';

export interface OrganInfo {
  /** Agency electronic code (mã định danh). */
  organId: string;
  organName: string;
  organizationInCharge?: string;
  organAdd?: string;
  email?: string;
  telephone?: string;
}

/** `{OrganId},{yyyy/MM/dd},{number}/{notation}`: how edXML names a document across systems. */
export interface DocumentReference {
  organId: string;
  /** yyyy/MM/dd */
  promulgationDate: string;
  codeNumber: string;
  codeNotation: string;
}

export interface EdxmlAttachment {
  /** `cid:N`, the same in the manifest reference and in the attachment. */
  contentId: string;
  contentType: string;
  description: string;
  attachmentName: string;
  content: Buffer;
}

/** A document package: header, manifest and attachments. */
export interface EdxmlDocument {
  from: OrganInfo;
  to: OrganInfo;
  reference: DocumentReference;
  promulgationPlace: string;
  documentType: { type: string; typeName: string };
  subject: string;
  content: string;
  signer: { competence: string; position: string; fullName: string };
  /** yyyy/MM/dd */
  dueDate?: string;
  toPlaces: string[];
  /** The document this one answers, updates or replaces. */
  responseFor?: DocumentReference;
  trace: { organId: string; timestamp: string }[];
  businessDocType: BusinessDocType;
  attachments: EdxmlAttachment[];
}

/** A status package: what happened to a document at its receiver. */
export interface EdxmlStatus {
  from: OrganInfo;
  /** Absent only when a refused package was too broken to name its document. */
  responseFor?: DocumentReference;
  staffInfo: { department?: string; staff?: string; mobile?: string; email?: string };
  statusCode: StatusCode;
  description: string;
  /** yyyy/MM/dd HH:mm:ss, Asia/Ho_Chi_Minh */
  timestamp: string;
}

export function documentIdOf(reference: DocumentReference): string {
  const { organId, promulgationDate, codeNumber, codeNotation } = reference;
  return `${organId},${promulgationDate},${codeNumber}/${codeNotation}`;
}

const DOCUMENT_ID = /^([^,]+),(\d{4}\/\d{2}\/\d{2}),([^/,]+)\/([^,]+)$/;

/** The reference a DocumentId names, or undefined when it does not follow the format. */
export function parseDocumentId(documentId: string): DocumentReference | undefined {
  const match = DOCUMENT_ID.exec(documentId.trim());
  return match
    ? { organId: match[1], promulgationDate: match[2], codeNumber: match[3], codeNotation: match[4] }
    : undefined;
}
