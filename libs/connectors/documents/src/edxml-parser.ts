import type { XmlElement } from '@lienthong/xml';
import { bodyDigest } from './edxml-digest';
import { EDXML_TIMESTAMP } from './edxml-time';
import {
  BusinessDocType,
  STATUS_CODES,
  XMLDSIG_NAMESPACE,
  documentIdOf,
  type EdxmlAttachment,
  type EdxmlDocument,
  type EdxmlStatus,
  type OrganInfo,
  type StatusCode,
} from './edxml.contract';
import { EdxmlElement, readEdxmlRoot } from './edxml-reader';
import { EdxmlRejection } from './edxml-rejection';

const CONTENT_ID = /^cid:\d+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BUSINESS_DOC_TYPES: readonly string[] = Object.values(BusinessDocType);

export type ParsedEdxmlDocument = EdxmlDocument & { documentId: string };

/**
 * Reads a document package as a receiver does and refuses it (EdxmlRejection, with the reason) when it
 * breaks the standard: namespace, prefixes, manifest references matching the attachments one to one by
 * ContentId, base64 content, and the body digest.
 */
export function parseEdxmlDocument(xml: string): ParsedEdxmlDocument {
  const root = readEdxmlRoot(xml);
  const envelope = root.child('edXMLEnvelope');
  const header = envelope.child('edXMLHeader');
  const message = header.child('MessageHeader');
  const reference = message.documentReference('DocumentId');
  const from = organ(message.child('From'));
  if (reference.organId !== from.organId) {
    throw new EdxmlRejection(
      `DocumentId names organ ${reference.organId} but the package is from ${from.organId}`,
    );
  }
  const attachments = matchAttachments(
    envelope.child('edXMLBody').child('edXMLManifest').children('Reference'),
    root.child('AttachmentEncoded').children('Attachment'),
  );
  checkDigest(header, attachments);
  const traceList = header.child('TraceHeaderList');
  const businessDocType = traceList.child('Bussiness').text('BussinessDocType');
  if (!BUSINESS_DOC_TYPES.includes(businessDocType)) {
    throw new EdxmlRejection(`BussinessDocType must be one of ${BUSINESS_DOC_TYPES.join(', ')}`);
  }
  const promulgation = message.child('PromulgationInfo');
  const documentType = message.child('DocumentType');
  const signer = message.child('SignerInfo');
  return {
    documentId: documentIdOf(reference),
    from,
    to: organ(message.child('To')),
    reference,
    promulgationPlace: promulgation.text('Place'),
    documentType: { type: documentType.text('Type'), typeName: documentType.text('TypeName') },
    subject: message.text('Subject'),
    content: message.optionalText('Content') ?? '',
    signer: {
      competence: signer.optionalText('Competence') ?? '',
      position: signer.optionalText('Position') ?? '',
      fullName: signer.optionalText('FullName') ?? '',
    },
    dueDate: message.optionalText('DueDate') || undefined,
    toPlaces: message.has('ToPlaces') ? message.child('ToPlaces').texts('Place') : [],
    responseFor: message.has('ResponseFor')
      ? message.child('ResponseFor').documentReference('DocumentId')
      : undefined,
    trace: traceList.children('TraceHeader').map((trace) => ({
      organId: trace.text('OrganId'),
      timestamp: timestamp(trace),
    })),
    businessDocType: businessDocType as BusinessDocType,
    attachments,
  };
}

/**
 * Reads a status package: who answered, for which document, with which StatusCode. Exchanges wrap the
 * fields in `Status` or, as the SDK samples do, in `MessageHeader`; both are read, in any order.
 */
export function parseEdxmlStatus(xml: string): EdxmlStatus {
  const header = readEdxmlRoot(xml).child('edXMLEnvelope').child('edXMLHeader');
  const status = header.has('Status') ? header.child('Status') : header.child('MessageHeader');
  const statusCode = status.text('StatusCode');
  if (!STATUS_CODES.includes(statusCode)) {
    throw new EdxmlRejection(`StatusCode must be one of ${STATUS_CODES.join(', ')}, got "${statusCode}"`);
  }
  const staff = status.has('StaffInfo') ? status.child('StaffInfo') : undefined;
  return {
    from: organ(status.child('From')),
    responseFor: status.has('ResponseFor')
      ? status.child('ResponseFor').documentReference('DocumentId')
      : undefined,
    staffInfo: {
      department: staff?.optionalText('Department'),
      staff: staff?.optionalText('Staff'),
      mobile: staff?.optionalText('Mobile'),
      email: staff?.optionalText('Email'),
    },
    statusCode: statusCode as StatusCode,
    description: status.optionalText('Description') ?? '',
    timestamp: timestamp(status),
  };
}

function organ(element: EdxmlElement): OrganInfo {
  return {
    organId: element.text('OrganId'),
    organName: element.text('OrganName'),
    organizationInCharge: element.optionalText('OrganizationInCharge'),
    organAdd: element.optionalText('OrganAdd'),
    email: element.optionalText('Email'),
    telephone: element.optionalText('Telephone'),
  };
}

function timestamp(element: EdxmlElement): string {
  const value = element.text('Timestamp');
  if (!EDXML_TIMESTAMP.test(value)) {
    throw new EdxmlRejection(`${element.path}/Timestamp must read yyyy/MM/dd HH:mm:ss, got "${value}"`);
  }
  return value;
}

/** The manifest names each attachment exactly once, and every attachment is in the manifest. */
function matchAttachments(references: EdxmlElement[], encoded: EdxmlElement[]): EdxmlAttachment[] {
  if (references.length === 0) throw new EdxmlRejection('the manifest references no attachment');
  const byContentId = new Map<string, EdxmlElement>();
  for (const attachment of encoded) {
    const contentId = attachment.text('ContentId');
    if (byContentId.has(contentId)) throw new EdxmlRejection(`attachment ${contentId} appears twice`);
    byContentId.set(contentId, attachment);
  }
  const seen = new Set<string>();
  const attachments = references.map((reference) => {
    const contentId = reference.text('ContentId');
    if (!CONTENT_ID.test(contentId)) {
      throw new EdxmlRejection(`${reference.path}/ContentId must read cid:N, got "${contentId}"`);
    }
    if (seen.has(contentId)) throw new EdxmlRejection(`the manifest references ${contentId} twice`);
    seen.add(contentId);
    const attachment = byContentId.get(contentId);
    if (!attachment)
      throw new EdxmlRejection(`the manifest references ${contentId} but no attachment carries it`);
    return {
      contentId,
      contentType: reference.text('ContentType'),
      description: reference.optionalText('Description') ?? '',
      attachmentName: reference.text('AttachmentName'),
      content: decodeBase64(attachment),
    };
  });
  const unreferenced = [...byContentId.keys()].filter((contentId) => !seen.has(contentId));
  if (unreferenced.length > 0) {
    throw new EdxmlRejection(`attachment ${unreferenced.join(', ')} is not in the manifest`);
  }
  return attachments;
}

function decodeBase64(attachment: EdxmlElement): Buffer {
  const encoded = attachment.text('ContentTransferEncoded').replace(/\s+/g, '');
  if (encoded === '' || !BASE64.test(encoded)) {
    throw new EdxmlRejection(`${attachment.path}/ContentTransferEncoded is not base64`);
  }
  return Buffer.from(encoded, 'base64');
}

/** The XML-DSig digest (in its own namespace) must match the body that came with it. */
function checkDigest(header: EdxmlElement, attachments: EdxmlAttachment[]): void {
  let element: XmlElement | undefined = header.node;
  for (const name of ['Signature', 'SignedInfo', 'Reference', 'DigestValue']) {
    element = element?.children.find(
      (child) => child.localName === name && child.namespace === XMLDSIG_NAMESPACE,
    );
  }
  if (!element?.text) {
    throw new EdxmlRejection('missing Signature/SignedInfo/Reference/DigestValue in edXMLHeader');
  }
  if (element.text !== bodyDigest(attachments)) {
    throw new EdxmlRejection('the signature digest does not match the body');
  }
}
