import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The sandboxes' own XML reader, for the edXML exchange and the population gateway alike. Written apart
 * from the connectors' (@lienthong/xml, which a sandbox must not import), so a reading mistake on one
 * side is not mirrored on the other.
 */

/** One element as a namespace-aware reader sees it: expanded name, the prefix it was written with, order kept. */
export interface XmlNode {
  /** Slash-separated local names from the root, for refusal messages. */
  path: string;
  prefix: string | null;
  local: string;
  ns: string | null;
  attrs: { ns: string | null; local: string; value: string }[];
  kids: XmlNode[];
  /** Its own text, trimmed; '' for an empty element. */
  text: string;
}

/** What a strict receiver finds wrong with a message; each sandbox words its refusal from it. */
export type XmlFlaw =
  | { kind: 'dtd' }
  | { kind: 'malformed'; line: number; msg: string }
  | { kind: 'roots'; count: number }
  /** `inside` is the path of the element the name was written in, '' at the root. */
  | { kind: 'unbound-prefix'; written: string; inside: string };

/** Turns a flaw into the sandbox's own refusal, which readXml throws. */
export type Refuse = (flaw: XmlFlaw) => Error;

const reader = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // IDs and codes keep their leading zeros: every value stays a string.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

type Entry = Record<string, unknown> & { ':@'?: Record<string, string> };
type Scope = Readonly<Record<string, string>>;

/** Reads XML the way a strict receiver does: no DTD at all, well-formed, one root, every prefix bound. */
export function readXml(xml: string, refuse: Refuse): XmlNode {
  // Entities declared in a DTD are the way in for expansion bombs and external entities.
  if (/<!DOCTYPE/i.test(xml)) throw refuse({ kind: 'dtd' });
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) throw refuse({ kind: 'malformed', line: verdict.err.line, msg: verdict.err.msg });
  const elements = (reader.parse(xml) as Entry[]).filter((entry) => !tagOf(entry).startsWith('?'));
  if (elements.length !== 1) throw refuse({ kind: 'roots', count: elements.length });
  return toNode(elements[0], { xml: 'http://www.w3.org/XML/1998/namespace' }, '', refuse);
}

function tagOf(entry: Entry): string {
  return Object.keys(entry).find((key) => key !== ':@')!;
}

function nameParts(name: string): [prefix: string | null, local: string] {
  const [first, second] = name.split(':', 2);
  return second === undefined ? [null, first] : [first, second];
}

function toNode(entry: Entry, outer: Scope, parentPath: string, refuse: Refuse): XmlNode {
  const tag = tagOf(entry);
  const rawAttrs = entry[':@'] ?? {};
  const scope: Record<string, string> = { ...outer };
  for (const [name, value] of Object.entries(rawAttrs)) {
    if (name === 'xmlns') scope[''] = value;
    if (name.startsWith('xmlns:')) scope[name.slice(6)] = value;
  }
  const namespaceOf = (prefix: string | null, written: string): string | null => {
    const uri = scope[prefix ?? ''];
    if (prefix !== null && uri === undefined)
      throw refuse({ kind: 'unbound-prefix', written, inside: parentPath });
    return uri ? uri : null;
  };
  const [prefix, local] = nameParts(tag);
  const path = parentPath ? `${parentPath}/${local}` : local;
  const node: XmlNode = { path, prefix, local, ns: namespaceOf(prefix, tag), attrs: [], kids: [], text: '' };
  for (const [name, value] of Object.entries(rawAttrs)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const [attrPrefix, attrLocal] = nameParts(name);
    // An unprefixed attribute belongs to no namespace, even under a default namespace.
    node.attrs.push({
      ns: attrPrefix === null ? null : namespaceOf(attrPrefix, name),
      local: attrLocal,
      value,
    });
  }
  for (const child of (entry[tag] as Entry[] | undefined) ?? []) {
    if ('#text' in child) node.text += String(child['#text']);
    else node.kids.push(toNode(child, scope, path, refuse));
  }
  node.text = node.text.trim();
  return node;
}
