import { checkAttachments, type ReceivedAttachment } from './edxml-attachments-check';
import { checkHeader, type CheckedHeader } from './edxml-header-check';
import { EDXML_NS, ENVELOPE_PREFIX, XMLDSIG_NS } from './edxml-names';
import { requiredKid } from './edxml-nodes';
import { PackageRefusal } from './package-refusal';
import type { XmlNode } from '../xml';
import { readPackageXml } from './xml-document';

export interface CheckedPackage extends CheckedHeader {
  attachments: ReceivedAttachment[];
}

/** Every element inside the envelope is written `edXML:` in the edXML namespace, the XML-DSig signature aside. */
function requireEnvelopePrefix(node: XmlNode): void {
  if (node.ns === XMLDSIG_NS && node.local === 'Signature') return;
  if (node.prefix !== ENVELOPE_PREFIX) {
    const parent = node.path.slice(0, -(node.local.length + 1));
    throw new PackageRefusal(`element ${node.local} in ${parent} must carry the ${ENVELOPE_PREFIX}: prefix`);
  }
  if (node.ns !== EDXML_NS) {
    throw new PackageRefusal(`the ${ENVELOPE_PREFIX}: prefix must be bound to ${EDXML_NS}, got ${node.ns}`);
  }
  node.kids.forEach(requireEnvelopePrefix);
}

/** The kids of a node, which must be exactly these, in this order; `[ns, local]` pairs. */
function requireKids(node: XmlNode, expected: [string, string][]): XmlNode[] {
  const names = node.kids.map((kid) => `${kid.ns === EDXML_NS ? '' : `{${kid.ns}}`}${kid.local}`);
  const wanted = expected.map(([ns, local]) => `${ns === EDXML_NS ? '' : `{${ns}}`}${local}`);
  if (names.join() !== wanted.join()) {
    throw new PackageRefusal(
      `${node.path} must hold ${wanted.join(', ')} in that order, got ${names.join(', ') || 'nothing'}`,
    );
  }
  return node.kids;
}

/** The DocumentId a broken package names, if it can be found at all, so its refusal can name it back. */
function documentIdIn(root: XmlNode): string | undefined {
  const step = (node: XmlNode | undefined, local: string) => node?.kids.find((kid) => kid.local === local);
  const header = step(step(step(root, 'edXMLEnvelope'), 'edXMLHeader'), 'MessageHeader');
  return step(header, 'DocumentId')?.text || undefined;
}

/**
 * Checks a document package as the strictest receiver does and returns what it carries, or throws a
 * PackageRefusal with the reason: namespace, the `edXML:` prefix inside the envelope, MessageHeader order
 * and required parts, TraceHeaderList's SOAP attributes, manifest references matching the attachments,
 * base64 content.
 */
export function checkEdxmlPackage(xml: string): CheckedPackage {
  const root = readPackageXml(xml);
  try {
    if (root.local !== 'edXML' || root.ns !== EDXML_NS) {
      throw new PackageRefusal(
        `the root element must be edXML in namespace ${EDXML_NS}, got ${root.local} in ${root.ns ?? 'no namespace'}`,
      );
    }
    const envelope = requiredKid(root, 'edXMLEnvelope');
    requireEnvelopePrefix(envelope);
    const [, attachmentEncoded] = requireKids(root, [
      [EDXML_NS, 'edXMLEnvelope'],
      [EDXML_NS, 'AttachmentEncoded'],
    ]);
    const [header, body] = requireKids(envelope, [
      [EDXML_NS, 'edXMLHeader'],
      [EDXML_NS, 'edXMLBody'],
    ]);
    const [messageHeader, traceHeaderList] = requireKids(header, [
      [EDXML_NS, 'MessageHeader'],
      [EDXML_NS, 'TraceHeaderList'],
      [XMLDSIG_NS, 'Signature'],
    ]);
    const [manifest] = requireKids(body, [[EDXML_NS, 'edXMLManifest']]);
    return {
      ...checkHeader(messageHeader, traceHeaderList),
      attachments: checkAttachments(manifest, attachmentEncoded),
    };
  } catch (error) {
    if (error instanceof PackageRefusal) throw new PackageRefusal(error.message, documentIdIn(root));
    throw error;
  }
}
