import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { SOAP_NAMESPACE, type SoapFaultCodeName } from '../population.contract';

/** Element content for the builder: text, nested elements, repeated elements, or `@_attr` attributes. */
export type XmlContent = { [name: string]: string | XmlContent | XmlContent[] | undefined };

/** An element with its namespace resolved from the xmlns declarations in scope. */
export interface XmlElement {
  namespace: string | undefined;
  name: string;
  text: string;
  children: XmlElement[];
}

export interface SoapFault {
  code: string;
  message: string;
}

export class MalformedXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = MalformedXmlError.name;
  }
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
});
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Codes and IDs keep their leading zeros ("037", "001…"): every value stays a string.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

/** Prefixes every element name of the content (not attributes) with `prefix:`. */
export function qualified(prefix: string, content: XmlContent): XmlContent {
  return Object.fromEntries(
    Object.entries(content).map(([name, value]) => {
      if (name.startsWith('@_')) return [name, value];
      const inner =
        value === undefined || typeof value === 'string'
          ? value
          : Array.isArray(value)
            ? value.map((item) => qualified(prefix, item))
            : qualified(prefix, value);
      return [`${prefix}:${name}`, inner];
    }),
  );
}

/** A SOAP 1.1 envelope around the given body content. */
export function soapEnvelope(body: XmlContent): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    builder.build({
      'soapenv:Envelope': { '@_xmlns:soapenv': SOAP_NAMESPACE, 'soapenv:Header': '', 'soapenv:Body': body },
    })
  );
}

export function soapFault(code: SoapFaultCodeName, message: string): string {
  return soapEnvelope({
    'soapenv:Fault': { faultcode: `soapenv:${code}`, faultstring: message },
  });
}

/** Parses XML into namespace-resolved elements; the document element is returned. */
export function parseXml(xml: string): XmlElement {
  // SOAP messages must not carry a DTD (SOAP 1.1 §3); refusing one also shuts out entity expansion.
  if (/<!DOCTYPE/i.test(xml)) throw new MalformedXmlError('a DTD is not allowed in a SOAP message');
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(xml, true) as Record<string, unknown>;
  } catch (error) {
    throw new MalformedXmlError(`not well-formed XML: ${(error as Error).message}`);
  }
  const roots = Object.entries(parsed)
    .filter(([name]) => !name.startsWith('?'))
    .flatMap(([name, value]) => toElements(name, value, {}));
  if (roots.length !== 1) throw new MalformedXmlError('expected exactly one document element');
  return roots[0];
}

function toElements(qualifiedName: string, value: unknown, scope: Record<string, string>): XmlElement[] {
  if (Array.isArray(value)) return value.flatMap((item) => toElements(qualifiedName, item, scope));
  const fields = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const inScope = { ...scope };
  for (const [name, declared] of Object.entries(fields)) {
    if (name === '@_xmlns') inScope[''] = String(declared);
    else if (name.startsWith('@_xmlns:')) inScope[name.slice('@_xmlns:'.length)] = String(declared);
  }
  const colon = qualifiedName.indexOf(':');
  const prefix = colon < 0 ? '' : qualifiedName.slice(0, colon);
  const text = typeof value === 'string' ? value : typeof fields['#text'] === 'string' ? fields['#text'] : '';
  return [
    {
      namespace: inScope[prefix],
      name: qualifiedName.slice(colon + 1),
      text,
      children: Object.entries(fields)
        .filter(([name]) => !name.startsWith('@_') && name !== '#text')
        .flatMap(([name, child]) => toElements(name, child, inScope)),
    },
  ];
}

export function childElement(
  parent: XmlElement,
  namespace: string | undefined,
  name: string,
): XmlElement | undefined {
  return parent.children.find((child) => child.name === name && child.namespace === namespace);
}

export function childElements(parent: XmlElement, namespace: string | undefined, name: string): XmlElement[] {
  return parent.children.filter((child) => child.name === name && child.namespace === namespace);
}

/** The text of a child element, undefined when absent or empty. */
export function childText(
  parent: XmlElement,
  namespace: string | undefined,
  name: string,
): string | undefined {
  const text = childElement(parent, namespace, name)?.text;
  return text === undefined || text === '' ? undefined : text;
}

/** The one element inside a SOAP Body, or the Fault the envelope carries. */
export function readSoapBody(xml: string): { content: XmlElement } | { fault: SoapFault } {
  const envelope = parseXml(xml);
  if (envelope.namespace !== SOAP_NAMESPACE || envelope.name !== 'Envelope') {
    throw new MalformedXmlError(`expected a SOAP 1.1 Envelope in ${SOAP_NAMESPACE}`);
  }
  const body = childElement(envelope, SOAP_NAMESPACE, 'Body');
  if (!body || body.children.length !== 1)
    throw new MalformedXmlError('expected exactly one element in the SOAP Body');
  const [content] = body.children;
  if (content.namespace === SOAP_NAMESPACE && content.name === 'Fault') {
    const code = childText(content, undefined, 'faultcode') ?? '';
    return {
      fault: {
        code: code.slice(code.indexOf(':') + 1),
        message: childText(content, undefined, 'faultstring') ?? '',
      },
    };
  }
  return { content };
}
