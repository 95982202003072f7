import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import { checkEdxmlPackage } from './edxml-package-check';
import { PackageRefusal } from './package-refusal';

const golden = (name: string) =>
  readFileSync(projectPath('test', 'fixtures', 'contracts', 'edxml', name), 'utf8');
const DOCUMENT_ID = '000.00.00.H26,2024/08/21,000.00.12.H26-240818-9001.7/KQ-TTHC';
const valid = golden('ok/document-new.pretty.xml');

function refusalOf(xml: string): PackageRefusal | undefined {
  try {
    checkEdxmlPackage(xml);
  } catch (error) {
    if (error instanceof PackageRefusal) return error;
    throw error;
  }
  return undefined;
}

describe(checkEdxmlPackage.name, () => {
  it.each(['ok/document-new.pretty.xml', 'ok/document-new.compact-prefixes.xml'])(
    'accepts the golden %s and reads what it carries',
    (name) => {
      const sut = checkEdxmlPackage(golden(name));
      expect(sut).toMatchObject({
        reference: {
          organId: '000.00.00.H26',
          code: '000.00.12.H26-240818-9001.7/KQ-TTHC',
          promulgationDate: '2024/08/21',
          documentId: DOCUMENT_ID,
        },
        from: { organId: '000.00.00.H26', organName: 'Ủy ban nhân dân Thành phố Hà Nội' },
        to: { organId: '000.00.12.H26', organName: 'UBND quận Hoàn Kiếm' },
        businessDocType: '0',
      });
      expect(
        sut.attachments.map(({ base64, ...attachment }) => ({ ...attachment, bytes: base64.length })),
      ).toEqual([
        {
          contentId: 'cid:1',
          attachmentName: 'ket-qua-1-KQ1.json',
          contentType: 'application/json',
          description: 'Trích lục đăng ký khai sinh',
          bytes: 364,
        },
        {
          contentId: 'cid:2',
          attachmentName: 'ket-qua-2-KQ2.json',
          contentType: 'application/json',
          description: 'Bản sao trích lục',
          bytes: 276,
        },
      ]);
    },
  );

  it.each([
    [
      'not-ok/unprefixed-envelope-child.xml',
      'element Subject in edXML/edXMLEnvelope/edXMLHeader/MessageHeader must carry the edXML: prefix',
    ],
    [
      'not-ok/document-id-not-last.xml',
      'edXML/edXMLEnvelope/edXMLHeader/MessageHeader lists Code after DocumentId; QCVN 102:2016 orders it From, To, Code, PromulgationInfo, DocumentType, Subject, Content, SignerInfo, DueDate, ToPlaces, OtherInfo, ResponseFor, SteeringType, DocumentId',
    ],
    ['not-ok/manifest-attachment-mismatch.xml', 'the manifest references cid:2 but no attachment carries it'],
    [
      'not-ok/content-not-base64.xml',
      'edXML/AttachmentEncoded/Attachment/ContentTransferEncoded is not base64',
    ],
    [
      'not-ok/trace-header-list-without-soap-attributes.xml',
      'edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList must carry SOAP-ENV:mustUnderstand="1" (http://schemas.xmlsoap.org/soap/envelope/)',
    ],
    [
      'not-ok/wrong-namespace.xml',
      'the root element must be edXML in namespace http://www.mic.gov.vn/TBT/QCVN_102_2016, got edXML in http://www.mic.gov.vn/TBT/QCVN_102_2011',
    ],
  ])('refuses the golden %s, saying why', (name, reason) => {
    const sut = refusalOf(golden(name));
    expect(sut?.message).toBe(reason);
  });

  it('names the document of a refused package when it can read its DocumentId', () => {
    expect(refusalOf(golden('not-ok/manifest-attachment-mismatch.xml'))?.documentId).toBe(DOCUMENT_ID);
    expect(refusalOf(golden('not-ok/wrong-namespace.xml'))?.documentId).toBe(DOCUMENT_ID);
    expect(refusalOf(valid.slice(0, 300))?.documentId).toBeUndefined();
  });

  it.each([
    ['a DOCTYPE', valid.replace('<edXML:edXML ', '<!DOCTYPE x [<!ENTITY a "b">]><edXML:edXML '), /DOCTYPE/],
    ['XML that is not well formed', valid.slice(0, 300), /not well-formed XML at line/],
    [
      'a prefix bound to nothing',
      valid.replace(/edXML:Content>/g, 'x:Content>'),
      /Content in .* bound to no namespace/,
    ],
    [
      'the edXML: prefix bound elsewhere inside the envelope',
      valid.replace('<edXML:Subject>', '<edXML:Subject xmlns:edXML="urn:other">'),
      /prefix must be bound to http:\/\/www.mic.gov.vn\/TBT\/QCVN_102_2016, got urn:other/,
    ],
    [
      'no XML-DSig signature',
      valid.replace(/<Signature [\s\S]*<\/Signature>/, ''),
      /edXMLHeader must hold MessageHeader, TraceHeaderList, \{http:\/\/www.w3.org\/2000\/09\/xmldsig#\}Signature in that order, got MessageHeader, TraceHeaderList/,
    ],
    [
      'an element QCVN 102 does not list',
      valid.replace('<edXML:Content>', '<edXML:Remark>x</edXML:Remark><edXML:Content>'),
      /MessageHeader may not hold Remark/,
    ],
    [
      'a Subject given twice',
      valid.replace(/(<edXML:Subject>[^<]*<\/edXML:Subject>)/, '$1$1'),
      /lists Subject after Subject/,
    ],
    ['no Subject', valid.replace(/<edXML:Subject>[^<]*<\/edXML:Subject>/, ''), /MessageHeader lacks Subject/],
    [
      'a DocumentId of another organ',
      valid.replace(/(<edXML:DocumentId>)000\.00\.00\.H26/, '$1000.00.99.H26'),
      /DocumentId names organ 000.00.99.H26 but From is 000.00.00.H26/,
    ],
    [
      'a malformed DocumentId',
      valid.replace(/(<edXML:DocumentId>)[^<]+/, '$1KQ-42'),
      /DocumentId must read \{OrganId\}/,
    ],
    [
      'a PromulgationDate in another format',
      valid.replace('<edXML:PromulgationDate>2024/08/21', '<edXML:PromulgationDate>21/08/2024'),
      /PromulgationDate must read yyyy\/MM\/dd/,
    ],
    [
      'Bussiness before TraceHeader',
      valid.replace(
        /(<edXML:TraceHeader>[\s\S]*<\/edXML:TraceHeader>)(\s*)(<edXML:Bussiness>[\s\S]*<\/edXML:Bussiness>)/,
        '$3$2$1',
      ),
      /TraceHeaderList lists TraceHeader after Bussiness/,
    ],
    [
      'an unknown BussinessDocType',
      valid.replace('<edXML:BussinessDocType>0<', '<edXML:BussinessDocType>4<'),
      /BussinessDocType must be one of 0, 1, 2, 3/,
    ],
    [
      'an xlink:href that is not its ContentId',
      valid.replace('xlink:href="cid:2"', 'xlink:href="cid:9"'),
      /points xlink:href at cid:9 but its ContentId is cid:2/,
    ],
    [
      'a manifest without its version',
      valid.replace(' version="1.0">', '>'),
      /edXMLManifest must carry version="1.0"/,
    ],
    [
      'an attachment named differently in the manifest',
      valid.replace(
        '<edXML:AttachmentName>ket-qua-2-KQ2.json</edXML:AttachmentName>\n        </edXML:Reference>',
        '<edXML:AttachmentName>other.json</edXML:AttachmentName>\n        </edXML:Reference>',
      ),
      /cid:2 has AttachmentName "other.json" in the manifest but "ket-qua-2-KQ2.json" in AttachmentEncoded/,
    ],
    [
      'an attachment outside the manifest',
      valid.replace(/\s*<edXML:Reference xlink:href="cid:2"[\s\S]*?<\/edXML:Reference>/, ''),
      /attachment cid:2 is not in the manifest/,
    ],
  ])('refuses %s', (_case, xml, reason) => {
    expect(refusalOf(xml)?.message).toMatch(reason);
  });
});
