import { readXml, type XmlFlaw, type XmlNode } from '../xml';
import { LienthongError } from '@lienthong/errors';

/** A message the gateway cannot read: answered with a SOAP Client fault. */
export class UnreadableRequest extends LienthongError {
  constructor(message: string) {
    super('UNREADABLE_REQUEST', message);
  }
}

/** Reads a message as the gateway does; what the reader finds wrong becomes an UnreadableRequest. */
export function readGatewayXml(xml: string): XmlNode {
  return readXml(xml, (flaw) => new UnreadableRequest(faultStringFor(flaw)));
}

function faultStringFor(flaw: XmlFlaw): string {
  switch (flaw.kind) {
    // A SOAP message must not carry a DTD (SOAP 1.1 §3); refusing one also shuts out entity expansion.
    case 'dtd':
      return 'a DTD is not allowed in a SOAP message';
    case 'malformed':
      return `not well-formed XML at line ${flaw.line}: ${flaw.msg}`;
    case 'roots':
      return 'expected exactly one document element';
    case 'unbound-prefix':
      return `the prefix of ${flaw.written} is bound to no namespace`;
  }
}

/** The child elements of `parent` in `namespace` named `local`. */
export const childrenNamed = (parent: XmlNode, namespace: string, local: string): XmlNode[] =>
  parent.kids.filter((kid) => kid.ns === namespace && kid.local === local);
