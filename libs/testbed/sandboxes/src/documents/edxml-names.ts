/**
 * The sandbox's own copy of the edXML contract (QCVN 102:2016), written from DOMAIN.md and the golden
 * packages in test/fixtures/contracts/edxml: it never takes names from the connector, so a misread there
 * shows up as a refused package here.
 */
export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
/** Inside the envelope every element is written with this prefix; receivers refuse anything else. */
export const ENVELOPE_PREFIX = 'edXML';
export const XMLDSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP_NEXT_ACTOR = 'http://schemas.xmlsoap.org/soap/actor/next';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** MessageHeader children in the standard's numbered order (1.1 to 1.14), and whether a receiver requires each. */
const MESSAGE_HEADER = {
  From: 'required',
  To: 'required',
  Code: 'required',
  PromulgationInfo: 'required',
  DocumentType: 'required',
  Subject: 'required',
  Content: 'optional',
  SignerInfo: 'optional',
  DueDate: 'optional',
  ToPlaces: 'optional',
  OtherInfo: 'optional',
  ResponseFor: 'optional',
  SteeringType: 'optional',
  DocumentId: 'required',
} as const;
export const MESSAGE_HEADER_SEQUENCE = Object.keys(MESSAGE_HEADER) as (keyof typeof MESSAGE_HEADER)[];
export const MESSAGE_HEADER_REQUIRED = MESSAGE_HEADER_SEQUENCE.filter(
  (local) => MESSAGE_HEADER[local] === 'required',
);
/** To and ResponseFor may repeat. */
export const MESSAGE_HEADER_REPEATABLE: readonly string[] = ['To', 'ResponseFor'];

/** Bussiness children in the standard's order (2.2.1 to 2.2.8). */
export const BUSINESS_SEQUENCE = [
  'BussinessDocType',
  'BussinessDocReason',
  'BussinessDocumentInfo',
  'DocumentId',
  'StaffInfo',
  'Paper',
  'ReplacementInfoList',
] as const;
/** 0 new, 1 revocation, 2 update, 3 replacement. */
export const BUSINESS_DOC_TYPES: readonly string[] = ['0', '1', '2', '3'];

/** The StatusCodes the sandbox exchange and its receiving organs issue, with their Description. */
export const SandboxStatus = {
  Arrived: { code: '01', description: 'Đã đến' },
  Refused: { code: '02', description: 'Từ chối tiếp nhận' },
  Registered: { code: '03', description: 'Đã tiếp nhận, vào sổ văn bản đến' },
  Done: { code: '06', description: 'Hoàn thành' },
} as const;
export type SandboxStatus = (typeof SandboxStatus)[keyof typeof SandboxStatus];

/** How a receiver acknowledges a package it took from its inbox. */
export const ACKNOWLEDGEMENTS = ['done', 'fail', 'processing'] as const;
export type Acknowledgement = (typeof ACKNOWLEDGEMENTS)[number];

/** What an organ's inbox holds: document packages, or status packages about documents it sent. */
export const INBOX_KINDS = ['document', 'status'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];
