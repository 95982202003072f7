import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XmlReadError } from './xml-read-error';

/** An XML element with its names resolved against the namespaces in scope, children in document order. */
export interface XmlElement {
  /** The prefix it was written with; undefined when unprefixed. */
  prefix?: string;
  localName: string;
  /** undefined for no namespace. */
  namespace?: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** The element's own text, trimmed; CDATA included. */
  text: string;
}

export interface XmlAttribute {
  /** undefined for an unprefixed attribute, which is in no namespace whatever the default namespace is. */
  namespace?: string;
  localName: string;
  value: string;
}

type OrderedNode = { [name: string]: unknown; ':@'?: Record<string, string> };

// preserveOrder keeps elements as a list in document order, each with its attributes beside it.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Codes and IDs keep their leading zeros ("037", "001…"): every value stays a string.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/**
 * Reads untrusted XML into a namespace-resolved tree and returns the document element. Throws
 * XmlReadError for a DOCTYPE, XML that is not well formed, other than one root element, or a prefix
 * bound to no namespace.
 */
export function readXml(xml: string): XmlElement {
  // A DTD is how entity-expansion and external-entity attacks come in; no contract we read needs one.
  if (/<!DOCTYPE/i.test(xml)) throw new XmlReadError({ kind: 'doctype' });
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    const { msg, line } = wellFormed.err;
    throw new XmlReadError({ kind: 'not-well-formed', line, detail: msg });
  }
  const roots = (parser.parse(xml) as OrderedNode[]).filter((node) => !nameOf(node).startsWith('?'));
  if (roots.length !== 1) throw new XmlReadError({ kind: 'root-count', roots: roots.length });
  return resolve(roots[0], new Map([['xml', XML_NAMESPACE]]));
}

function nameOf(node: OrderedNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function split(qualifiedName: string): { prefix?: string; localName: string } {
  const colon = qualifiedName.indexOf(':');
  return colon < 0
    ? { localName: qualifiedName }
    : { prefix: qualifiedName.slice(0, colon), localName: qualifiedName.slice(colon + 1) };
}

const isDeclaration = (attribute: string) => attribute === 'xmlns' || attribute.startsWith('xmlns:');

function resolve(node: OrderedNode, inherited: ReadonlyMap<string, string>): XmlElement {
  const name = nameOf(node);
  const rawAttributes = Object.entries(node[':@'] ?? {});
  const scope = new Map(inherited);
  for (const [attribute, value] of rawAttributes.filter(([attribute]) => isDeclaration(attribute))) {
    scope.set(attribute === 'xmlns' ? '' : attribute.slice('xmlns:'.length), value);
  }
  const { prefix, localName } = split(name);
  const namespace = lookup(scope, prefix ?? '', name);
  const attributes = rawAttributes
    .filter(([attribute]) => !isDeclaration(attribute))
    .map(([attribute, value]) => {
      const parts = split(attribute);
      return {
        namespace: parts.prefix === undefined ? undefined : lookup(scope, parts.prefix, attribute),
        localName: parts.localName,
        value,
      };
    });
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[name] as OrderedNode[] | undefined) ?? []) {
    if ('#text' in child) text += String(child['#text']);
    else children.push(resolve(child, scope));
  }
  return { prefix, localName, namespace, attributes, children, text: text.trim() };
}

function lookup(scope: ReadonlyMap<string, string>, prefix: string, name: string): string | undefined {
  const namespace = scope.get(prefix);
  if (prefix !== '' && namespace === undefined) throw new XmlReadError({ kind: 'unbound-prefix', name });
  // xmlns="" takes the default namespace away: no namespace.
  return namespace === '' ? undefined : namespace;
}
