import { XMLBuilder } from 'fast-xml-parser';
import { bodyDigest } from './edxml-digest';
import {
  EDXML_NAMESPACE,
  EDXML_PREFIX,
  SHA256_ALGORITHM,
  XMLDSIG_NAMESPACE,
  documentIdOf,
  type DocumentReference,
  type EdxmlDocument,
  type EdxmlStatus,
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

/** Writes a document package: envelope (header, signature, manifest) then the encoded attachments. */
export function buildEdxmlDocument(document: EdxmlDocument): string {
  const { reference } = document;
  const messageHeader = edxml({
    From: organ(document.from),
    To: organ(document.to),
    DocumentId: documentIdOf(reference),
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
  });
  const traceHeaderList = edxml({
    TraceHeader: document.trace.map((trace) => edxml({ OrganId: trace.organId, Timestamp: trace.timestamp })),
    Bussiness: edxml({ BussinessDocType: document.businessDocType }),
  });
  const manifest = edxml({
    Reference: document.attachments.map((attachment) =>
      edxml({
        ContentId: attachment.contentId,
        ContentType: attachment.contentType,
        Description: attachment.description,
        AttachmentName: attachment.attachmentName,
      }),
    ),
  });
  return root(
    edxml({
      edXMLEnvelope: edxml({
        edXMLHeader: {
          ...edxml({ MessageHeader: messageHeader, TraceHeaderList: traceHeaderList }),
          Signature: signature(bodyDigest(document.attachments)),
        },
        edXMLBody: edxml({ edXMLManifest: manifest }),
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

/** Writes a status package: what happened to a document at its receiver. */
export function buildEdxmlStatus(status: EdxmlStatus): string {
  return root(
    edxml({
      edXMLEnvelope: edxml({
        edXMLHeader: edxml({
          Status: edxml({
            From: organ(status.from),
            ResponseFor: status.responseFor && responseFor(status.responseFor),
            StaffInfo: edxml({
              Department: status.staffInfo.department,
              Staff: status.staffInfo.staff,
              Mobile: status.staffInfo.mobile,
              Email: status.staffInfo.email,
            }),
            StatusCode: status.statusCode,
            Description: status.description,
            Timestamp: status.timestamp,
          }),
        }),
      }),
    }),
  );
}
