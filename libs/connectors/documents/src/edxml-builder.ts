import { XMLBuilder } from 'fast-xml-parser';
import { bodyDigest } from './edxml-digest';
import {
  EDXML_NAMESPACE,
  EDXML_PREFIX,
  MANIFEST_VERSION,
  SHA256_ALGORITHM,
  SOAP_ACTOR_NEXT,
  SOAP_ENVELOPE_NAMESPACE,
  XLINK_NAMESPACE,
  XMLDSIG_NAMESPACE,
  documentIdOf,
  type DocumentReference,
  type EdxmlAttachment,
  type EdxmlDocument,
  type OrganInfo,
} from './edxml.contract';

type XmlNode = { [name: string]: XmlValue };
type XmlValue = string | XmlNode | XmlNode[] | string[] | undefined;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: false,
});

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Prefixes every element name with `edXML:` and leaves out absent values. */
function edxml(fields: Record<string, XmlValue>): XmlNode {
  const node: XmlNode = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) node[name.startsWith('@_') ? name : EDXML_PREFIX + name] = value;
  }
  return node;
}

function root(children: XmlNode): string {
  return (
    DECLARATION +
    builder.build({ [`${EDXML_PREFIX}edXML`]: { [`@_xmlns:edXML`]: EDXML_NAMESPACE, ...children } })
  );
}

function organ(info: OrganInfo): XmlNode {
  return edxml({
    OrganId: info.organId,
    OrganName: info.organName,
    OrganizationInCharge: info.organizationInCharge,
    OrganAdd: info.organAdd,
    Email: info.email,
    Telephone: info.telephone,
  });
}

function responseFor(reference: DocumentReference): XmlNode {
  return edxml({
    OrganId: reference.organId,
    Code: `${reference.codeNumber}/${reference.codeNotation}`,
    PromulgationDate: reference.promulgationDate,
    DocumentId: documentIdOf(reference),
  });
}

/** XML-DSig shape around the body digest; see bodyDigest for why this is not a real signature. */
function signature(digest: string): XmlNode {
  return {
    '@_xmlns': XMLDSIG_NAMESPACE,
    SignedInfo: {
      Reference: {
        '@_URI': '#edXMLBody',
        DigestMethod: { '@_Algorithm': SHA256_ALGORITHM },
        DigestValue: digest,
      },
    },
    SignatureValue: '',
  };
}

/**
 * The MessageHeader in QCVN 102:2016's numbered order (1.1 From ... 1.12 ResponseFor, 1.14 DocumentId):
 * the strictest receivers read it as a sequence, with DocumentId last.
 */
function messageHeader(document: EdxmlDocument): XmlNode {
  const { reference } = document;
  return edxml({
    From: organ(document.from),
    To: organ(document.to),
    Code: edxml({ CodeNumber: reference.codeNumber, CodeNotation: reference.codeNotation }),
    PromulgationInfo: edxml({
      Place: document.promulgationPlace,
      PromulgationDate: reference.promulgationDate,
    }),
    DocumentType: edxml({ Type: document.documentType.type, TypeName: document.documentType.typeName }),
    Subject: document.subject,
    Content: document.content,
    SignerInfo: edxml({
      Competence: document.signer.competence,
      Position: document.signer.position,
      FullName: document.signer.fullName,
    }),
    DueDate: document.dueDate,
    ToPlaces: edxml({ Place: document.toPlaces }),
    ResponseFor: document.responseFor && responseFor(document.responseFor),
    DocumentId: documentIdOf(reference),
  });
}

/** TraceHeader(s) then Bussiness, under the SOAP header attributes the list keeps from ebXML. */
function traceHeaderList(document: EdxmlDocument): XmlNode {
  return {
    '@_xmlns:SOAP-ENV': SOAP_ENVELOPE_NAMESPACE,
    '@_SOAP-ENV:mustUnderstand': '1',
    '@_SOAP-ENV:actor': SOAP_ACTOR_NEXT,
    ...edxml({
      TraceHeader: document.trace.map((trace) =>
        edxml({ OrganId: trace.organId, Timestamp: trace.timestamp }),
      ),
      Bussiness: edxml({ BussinessDocType: document.businessDocType }),
    }),
  };
}

function manifest(attachments: readonly EdxmlAttachment[]): XmlNode {
  return {
    '@_xmlns:xlink': XLINK_NAMESPACE,
    '@_version': MANIFEST_VERSION,
    ...edxml({
      Reference: attachments.map((attachment) => ({
        '@_xlink:href': attachment.contentId,
        '@_xlink:type': 'simple',
        ...edxml({
          ContentId: attachment.contentId,
          ContentType: attachment.contentType,
          Description: attachment.description,
          AttachmentName: attachment.attachmentName,
        }),
      })),
    }),
  };
}

/** Writes a document package: envelope (header, signature, manifest) then the encoded attachments. */
export function buildEdxmlDocument(document: EdxmlDocument): string {
  return root(
    edxml({
      edXMLEnvelope: edxml({
        edXMLHeader: {
          ...edxml({ MessageHeader: messageHeader(document), TraceHeaderList: traceHeaderList(document) }),
          Signature: signature(bodyDigest(document.attachments)),
        },
        edXMLBody: edxml({ edXMLManifest: manifest(document.attachments) }),
      }),
      AttachmentEncoded: edxml({
        Attachment: document.attachments.map((attachment) =>
          edxml({
            ContentId: attachment.contentId,
            AttachmentName: attachment.attachmentName,
            Description: attachment.description,
            ContentType: attachment.contentType,
            ContentTransferEncoded: attachment.content.toString('base64'),
          }),
        ),
      }),
    }),
  );
}
