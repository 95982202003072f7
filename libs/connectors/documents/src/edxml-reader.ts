import {
  EDXML_NAMESPACE,
  EDXML_PREFIX,
  XMLDSIG_NAMESPACE,
  parseDocumentId,
  type DocumentReference,
} from './edxml.contract';
import { readXml, XmlReadError, type XmlElement } from '@lienthong/xml';
import { EdxmlRejection } from './edxml-rejection';

const PREFIX = EDXML_PREFIX.slice(0, -1);

/**
 * Parses an edXML package and applies the receiver's rules that hold for every package: well-formed, no
 * DTD, root `edXML` in the edXML namespace, every element inside the envelope (but the XML-DSig
 * signature) written `edXML:` and bound to that namespace. Outside the envelope any prefix may name it.
 */
export function readEdxmlRoot(xml: string): EdxmlElement {
  const root = readPackageXml(xml);
  if (root.localName !== 'edXML' || root.namespace !== EDXML_NAMESPACE) {
    throw new EdxmlRejection(
      `the root element must be edXML in ${EDXML_NAMESPACE}, got ${root.localName} in ${root.namespace ?? 'no namespace'}`,
    );
  }
  for (const child of root.children) {
    if (child.localName === 'edXMLEnvelope') requirePrefixes(child, 'edXML');
  }
  return new EdxmlElement(root, 'edXML');
}

function readPackageXml(xml: string): XmlElement {
  try {
    return readXml(xml);
  } catch (error) {
    if (error instanceof XmlReadError) throw new EdxmlRejection(refusalReason(error));
    throw error;
  }
}

/** The reason the sender reads in status 02, in the words the receiver has always used. */
function refusalReason({ problem, message }: XmlReadError): string {
  switch (problem.kind) {
    case 'doctype':
      return 'a package must not contain a DOCTYPE';
    case 'root-count':
      return 'a package has exactly one root element';
    case 'not-well-formed':
    case 'unbound-prefix':
      return message;
  }
}

function requirePrefixes(element: XmlElement, parentPath: string): void {
  // The XML-DSig signature lives in its own namespace, as the standard places it.
  if (element.namespace === XMLDSIG_NAMESPACE) return;
  if (element.prefix !== PREFIX) {
    throw new EdxmlRejection(
      `element ${element.localName} in ${parentPath} must carry the ${EDXML_PREFIX} prefix`,
    );
  }
  if (element.namespace !== EDXML_NAMESPACE) {
    throw new EdxmlRejection(
      `the ${PREFIX} prefix must be bound to ${EDXML_NAMESPACE}, got ${element.namespace}`,
    );
  }
  const path = `${parentPath}/${element.localName}`;
  for (const child of element.children) requirePrefixes(child, path);
}

/** Reads the edXML elements of one parent by their local names, naming the path in every refusal. */
export class EdxmlElement {
  constructor(
    readonly node: XmlElement,
    readonly path: string,
  ) {}

  has(name: string): boolean {
    return this.all(name).length > 0;
  }

  child(name: string): EdxmlElement {
    const [first] = this.all(name);
    if (!first) throw new EdxmlRejection(`missing ${EDXML_PREFIX}${name} in ${this.path}`);
    return new EdxmlElement(first, `${this.path}/${name}`);
  }

  children(name: string): EdxmlElement[] {
    return this.all(name).map((item, index) => new EdxmlElement(item, `${this.path}/${name}[${index}]`));
  }

  texts(name: string): string[] {
    return this.all(name).map((item) => item.text);
  }

  text(name: string): string {
    return this.child(name).node.text;
  }

  optionalText(name: string): string | undefined {
    return this.all(name)[0]?.text;
  }

  documentReference(name: string): DocumentReference {
    const documentId = this.text(name);
    const reference = parseDocumentId(documentId);
    if (!reference) {
      throw new EdxmlRejection(
        `${this.path}/${name} must read {OrganId},{yyyy/MM/dd},{number}/{notation}, got "${documentId}"`,
      );
    }
    return reference;
  }

  private all(name: string): XmlElement[] {
    return this.node.children.filter(
      (child) => child.localName === name && child.namespace === EDXML_NAMESPACE,
    );
  }
}
