/**
 * Reading untrusted XML, namespace-aware, for the connectors (edXML packages, SOAP answers): one reader
 * that refuses a DOCTYPE, checks well-formedness and resolves every prefix. Each caller words the refusal
 * in its own protocol's terms from the XmlReadError's problem. The sandboxes keep a reader of their own.
 */
export { readXml, type XmlAttribute, type XmlElement } from './xml-reader';
export { XmlReadError, type XmlProblem } from './xml-read-error';
