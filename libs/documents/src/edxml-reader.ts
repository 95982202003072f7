import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { EDXML_NAMESPACE, EDXML_PREFIX, parseDocumentId, type DocumentReference } from './edxml.contract';
import { EdxmlRejection } from './edxml-rejection';

export type XmlNode = { [name: string]: unknown };

const ROOT = `${EDXML_PREFIX}edXML`;
/** Elements that repeat, by the path that ends them (PromulgationInfo/Place is single, ToPlaces/Place is not). */
const REPEATED = [
  'edXMLManifest.edXML:Reference',
  'AttachmentEncoded.edXML:Attachment',
  'ToPlaces.edXML:Place',
  'TraceHeaderList.edXML:TraceHeader',
];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (_name, jPath) => REPEATED.some((suffix) => String(jPath).endsWith(suffix)),
});

/**
 * Parses an edXML package and applies the receiver's rules that hold for every package: well-formed,
 * no DTD, root `edXML:edXML` in the edXML namespace, every element (but the XML-DSig signature) prefixed.
 */
export function readEdxmlRoot(xml: string): XmlNode {
  // A DTD is how entity-expansion and external-entity attacks come in; edXML never needs one.
  if (/<!DOCTYPE/i.test(xml)) throw new EdxmlRejection('a package must not contain a DOCTYPE');
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const { msg, line } = wellFormed.err;
    throw new EdxmlRejection(`not well-formed XML at line ${line}: ${msg}`);
  }
  const document = parser.parse(xml) as XmlNode;
  const roots = Object.keys(document).filter((name) => !name.startsWith('?'));
  if (roots.length !== 1 || roots[0] !== ROOT) {
    throw new EdxmlRejection(`the root element must be ${ROOT}, got ${roots.join(', ') || 'none'}`);
  }
  const root = asNode(document[ROOT]);
  const namespace = root['@_xmlns:edXML'];
  if (namespace !== EDXML_NAMESPACE) {
    throw new EdxmlRejection(
      `the edXML prefix must be bound to ${EDXML_NAMESPACE}, got ${namespace === undefined ? 'no namespace' : String(namespace)}`,
    );
  }
  requirePrefixes(root, ROOT);
  return root;
}

function requirePrefixes(node: XmlNode, path: string): void {
  for (const [name, value] of Object.entries(node)) {
    if (name.startsWith('@_') || name === '#text') continue;
    // The XML-DSig signature lives in its own namespace, unprefixed, as the standard places it.
    if (name === 'Signature' && path.endsWith('edXMLHeader')) continue;
    if (!name.startsWith(EDXML_PREFIX)) {
      throw new EdxmlRejection(`element ${name} in ${path} must carry the ${EDXML_PREFIX} prefix`);
    }
    for (const child of Array.isArray(value) ? value : [value]) {
      if (typeof child === 'object' && child !== null) requirePrefixes(child as XmlNode, `${path}/${name}`);
    }
  }
}

/** An element's children; an empty element reads as one with none. */
export function asNode(value: unknown): XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : {};
}

/** Reads the elements of one parent by their unprefixed names, naming the path in every refusal. */
export class EdxmlElement {
  constructor(
    readonly node: XmlNode,
    readonly path: string,
  ) {}

  has(name: string): boolean {
    return this.node[EDXML_PREFIX + name] !== undefined;
  }

  child(name: string): EdxmlElement {
    const value = this.node[EDXML_PREFIX + name];
    if (value === undefined) throw new EdxmlRejection(`missing ${EDXML_PREFIX}${name} in ${this.path}`);
    return new EdxmlElement(asNode(value), `${this.path}/${name}`);
  }

  children(name: string): EdxmlElement[] {
    const value = this.node[EDXML_PREFIX + name];
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return list.map((item, index) => new EdxmlElement(asNode(item), `${this.path}/${name}[${index}]`));
  }

  texts(name: string): string[] {
    const value = this.node[EDXML_PREFIX + name];
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return list.map((item) => textOf(item));
  }

  text(name: string): string {
    const value = this.node[EDXML_PREFIX + name];
    if (value === undefined) throw new EdxmlRejection(`missing ${EDXML_PREFIX}${name} in ${this.path}`);
    return textOf(value);
  }

  optionalText(name: string): string | undefined {
    const value = this.node[EDXML_PREFIX + name];
    return value === undefined ? undefined : textOf(value);
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
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const text = asNode(value)['#text'];
  return typeof text === 'string' ? text : '';
}
