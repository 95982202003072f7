import { readXml, type XmlElement } from '@lienthong/xml';
import { buildEdxmlDocument } from './edxml-builder';
import { goldenDocument, goldenDossier, goldenEdxml, goldenSender } from './edxml-golden.fixture';
import { parseEdxmlDocument } from './edxml-parser';
import { BusinessDocType } from './edxml.contract';
import { resultPackageOf } from './to-edxml';

/** What a namespace-aware receiver sees: resolved names, attributes, text, children in order; no prefixes. */
interface Structure {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: Structure[];
}

function structureOf(element: XmlElement): Structure {
  const qualified = (namespace: string | undefined, localName: string) =>
    namespace ? `{${namespace}}${localName}` : localName;
  return {
    name: qualified(element.namespace, element.localName),
    attributes: Object.fromEntries(
      element.attributes.map((attribute) => [
        qualified(attribute.namespace, attribute.localName),
        attribute.value,
      ]),
    ),
    text: element.text,
    children: element.children.map(structureOf),
  };
}

const structure = (xml: string) => structureOf(readXml(xml));

describe(buildEdxmlDocument.name, () => {
  it.each(['ok/document-new.pretty.xml', 'ok/document-new.compact-prefixes.xml'])(
    'writes the golden package %s for the golden input, element for element and in its order',
    (golden) => {
      const sut = buildEdxmlDocument(goldenDocument());
      expect(structure(sut)).toEqual(structure(goldenEdxml(golden)));
    },
  );

  it('puts DocumentId last in MessageHeader and gives TraceHeaderList its SOAP attributes', () => {
    const sut = structure(buildEdxmlDocument(goldenDocument()));
    const header = sut.children[0].children[0];
    const [messageHeader, traceHeaderList] = header.children;
    expect(messageHeader.children.at(-1)?.name).toMatch(/}DocumentId$/);
    expect(traceHeaderList.attributes).toEqual({
      '{http://schemas.xmlsoap.org/soap/envelope/}mustUnderstand': '1',
      '{http://schemas.xmlsoap.org/soap/envelope/}actor': 'http://schemas.xmlsoap.org/soap/actor/next',
    });
  });

  it('writes the edXML: prefix on the envelope and everything in it but the XML-DSig signature', () => {
    const sut = buildEdxmlDocument(goldenDocument());
    const envelope = sut.slice(sut.indexOf('<edXML:edXMLEnvelope'), sut.indexOf('</edXML:edXMLEnvelope>'));
    const unprefixed = [...envelope.matchAll(/<([A-Za-z][\w.-]*)[\s>/]/g)].map((match) => match[1]);
    expect(new Set(unprefixed)).toEqual(
      new Set(['Signature', 'SignedInfo', 'Reference', 'DigestMethod', 'DigestValue', 'SignatureValue']),
    );
  });

  it('escapes names that look like markup and reads them back unchanged', () => {
    const dossier = goldenDossier();
    const tricky = {
      ...dossier,
      results: [{ code: 'KQ<1>', name: 'Bản sao <điện tử> & "kèm"', number: null, url: null }],
    };
    const document = resultPackageOf(tricky, { sender: goldenSender, promulgationPlace: 'Hà Nội' });
    const sut = parseEdxmlDocument(buildEdxmlDocument(document));
    expect(sut.attachments[0].description).toBe('Bản sao <điện tử> & "kèm"');
    expect(sut.content).toBe(document.content);
  });

  it('names the same DocumentId for the same event, and updates the earlier package when given one', () => {
    const first = goldenDocument();
    expect(buildEdxmlDocument(goldenDocument())).toBe(buildEdxmlDocument(first));
    const dossier = goldenDossier();
    const update = resultPackageOf(
      { ...dossier, provenance: { ...dossier.provenance, sequence: 8 } },
      { sender: goldenSender, promulgationPlace: 'Hà Nội', previous: first.reference },
    );
    const sut = parseEdxmlDocument(buildEdxmlDocument(update));
    expect(sut.businessDocType).toBe(BusinessDocType.Update);
    expect(sut.responseFor).toEqual(first.reference);
    expect(sut.documentId).toBe(`000.00.00.H26,2024/08/21,${dossier.dossierCode}.8/KQ-TTHC`);
  });
});
