import { LienthongError } from '@lienthong/errors';
import { readXml, XmlReadError, type XmlElement } from '@lienthong/xml';
import { XMLBuilder } from 'fast-xml-parser';
import { SOAP_NAMESPACE } from '../population.contract';

/** Element content for the builder: text, nested elements, repeated elements, or `@_attr` attributes. */
export type XmlContent = { [name: string]: string | XmlContent | XmlContent[] | undefined };

export interface SoapFault {
  /** The faultcode's local name without its prefix: Client, Server, or a dotted subcode (Client.Auth). */
  code: string;
  message: string;
}

export class MalformedXmlError extends LienthongError {
  constructor(message: string) {
    super('MALFORMED_XML', message);
  }
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
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

/** Parses XML into namespace-resolved elements; the document element is returned. */
function parseXml(xml: string): XmlElement {
  try {
    return readXml(xml);
  } catch (error) {
    if (error instanceof XmlReadError) throw new MalformedXmlError(malformedReason(error));
    throw error;
  }
}

function malformedReason({ problem, message }: XmlReadError): string {
  switch (problem.kind) {
    // SOAP messages must not carry a DTD (SOAP 1.1 §3); refusing one also shuts out entity expansion.
    case 'doctype':
      return 'a DTD is not allowed in a SOAP message';
    case 'root-count':
      return 'expected exactly one document element';
    case 'not-well-formed':
    case 'unbound-prefix':
      return message;
  }
}

export function childElement(
  parent: XmlElement,
  namespace: string | undefined,
  name: string,
): XmlElement | undefined {
  return parent.children.find((child) => child.localName === name && child.namespace === namespace);
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

/**
 * The one element inside a SOAP Body, or the Fault the envelope carries. Whatever prefixes the gateway
 * chose, elements are matched by namespace; whitespace between them (pretty-printing) is ignored.
 */
export function readSoapBody(xml: string): { content: XmlElement } | { fault: SoapFault } {
  const envelope = parseXml(xml);
  if (envelope.namespace !== SOAP_NAMESPACE || envelope.localName !== 'Envelope') {
    throw new MalformedXmlError(`expected a SOAP 1.1 Envelope in ${SOAP_NAMESPACE}`);
  }
  const body = childElement(envelope, SOAP_NAMESPACE, 'Body');
  if (!body || body.children.length !== 1)
    throw new MalformedXmlError('expected exactly one element in the SOAP Body');
  const [content] = body.children;
  if (content.namespace === SOAP_NAMESPACE && content.localName === 'Fault') {
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

/** The message of a SOAP Fault, or undefined when the XML is not a readable Fault. */
export function faultMessageOf(xml: string): string | undefined {
  try {
    const body = readSoapBody(xml);
    return 'fault' in body ? body.fault.message : undefined;
  } catch (error) {
    if (error instanceof MalformedXmlError) return undefined;
    throw error;
  }
}
