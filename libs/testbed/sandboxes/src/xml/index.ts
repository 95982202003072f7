export { readXml, type Refuse, type XmlFlaw, type XmlNode } from './xml-reader';
