import { readXml, type XmlFlaw, type XmlNode } from '../xml';
import { PackageRefusal } from './package-refusal';

/** Reads a package as the exchange does; what the reader finds wrong is refused (status 02). */
export function readPackageXml(xml: string): XmlNode {
  return readXml(xml, (flaw) => new PackageRefusal(reasonFor(flaw)));
}

/** The reason the sender reads in the refusal's Description. */
function reasonFor(flaw: XmlFlaw): string {
  switch (flaw.kind) {
    case 'dtd':
      return 'a package must not contain a DOCTYPE';
    case 'malformed':
      return `not well-formed XML at line ${flaw.line}: ${flaw.msg}`;
    case 'roots':
      return 'a package has exactly one root element';
    case 'unbound-prefix':
      return `${flaw.written} in ${flaw.inside || 'the document'} uses a prefix bound to no namespace`;
  }
}
