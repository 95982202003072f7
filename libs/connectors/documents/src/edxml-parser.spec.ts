import { goldenDocument, goldenEdxml } from './edxml-golden.fixture';
import { parseEdxmlDocument, parseEdxmlStatus } from './edxml-parser';
import { EdxmlRejection } from './edxml-rejection';
import { StatusCode } from './edxml.contract';

const DOCUMENT_ID = '000.00.00.H26,2024/08/21,000.00.12.H26-240818-9001.7/KQ-TTHC';
const valid = goldenEdxml('ok/document-new.pretty.xml');

function refusal(read: () => unknown): string | undefined {
  try {
    read();
  } catch (error) {
    if (error instanceof EdxmlRejection) return error.message;
    throw error;
  }
  return undefined;
}

describe(parseEdxmlDocument.name, () => {
  it.each(['ok/document-new.pretty.xml', 'ok/document-new.compact-prefixes.xml'])(
    'reads the golden package %s as the document it carries',
    (golden) => {
      const sut = parseEdxmlDocument(goldenEdxml(golden));
      expect(sut).toEqual({ ...goldenDocument(), documentId: DOCUMENT_ID });
      expect(JSON.parse(sut.attachments[1].content.toString('utf8'))).toMatchObject({
        resultCode: 'KQ2',
        number: '12/BS',
      });
    },
  );

  it.each(['not-ok/document-id-not-last.xml', 'not-ok/trace-header-list-without-soap-attributes.xml'])(
    'reads %s, which only the strictest receivers refuse: as a reader it is lenient on order and SOAP attributes',
    (golden) => {
      expect(parseEdxmlDocument(goldenEdxml(golden)).documentId).toBe(DOCUMENT_ID);
    },
  );

  it.each([
    [
      'not-ok/unprefixed-envelope-child.xml',
      /element Subject in .*MessageHeader must carry the edXML: prefix/,
    ],
    ['not-ok/manifest-attachment-mismatch.xml', /references cid:2 but no attachment carries it/],
    ['not-ok/content-not-base64.xml', /ContentTransferEncoded is not base64/],
    [
      'not-ok/wrong-namespace.xml',
      /root element must be edXML in http:\/\/www.mic.gov.vn\/TBT\/QCVN_102_2016/,
    ],
  ])('refuses the golden %s', (golden, reason) => {
    expect(refusal(() => parseEdxmlDocument(goldenEdxml(golden)))).toMatch(reason);
  });

  it.each([
    ['a DOCTYPE', valid.replace('<edXML:edXML ', '<!DOCTYPE x [<!ENTITY a "b">]><edXML:edXML '), /DOCTYPE/],
    ['XML that is not well formed', valid.slice(0, 200), /not well-formed/],
    [
      'an unbound prefix',
      valid.replace('<edXML:Content>', '<x:Content>').replace('</edXML:Content>', '</x:Content>'),
      /not bound/,
    ],
    ['a changed attachment', valid.replace(/(<edXML:ContentTransferEncoded>)[^<]{4}/, '$1AAAA'), /digest/],
    ['a malformed DocumentId', valid.replace(/(<edXML:DocumentId>)[^<]+/, '$1KQ-42'), /DocumentId must read/],
    [
      'a DocumentId of another organ',
      valid.replace(/(<edXML:DocumentId>)000\.00\.00\.H26/, '$1000.00.99.H26'),
      /names organ/,
    ],
  ])('refuses %s', (_case, bad, reason) => {
    expect(refusal(() => parseEdxmlDocument(bad))).toMatch(reason);
  });
});

describe(parseEdxmlStatus.name, () => {
  const responseFor = {
    organId: '000.00.00.H26',
    promulgationDate: '2024/08/21',
    codeNumber: '000.00.12.H26-240818-9001.7',
    codeNotation: 'KQ-TTHC',
  };

  it.each([
    ['ok/status-01-arrived.xml', StatusCode.Arrived, 'sandbox.edxml', '2024/08/21 18:16:02'],
    ['ok/status-03-registered.xml', StatusCode.AcceptedAndRegistered, '000.00.12.H26', '2024/08/21 18:20:00'],
    ['ok/status-06-done.sdk-wrapper.xml', StatusCode.Done, '000.00.12.H26', '2024/08/22 09:05:00'],
  ])('reads the golden %s', (golden, statusCode, fromOrganId, timestamp) => {
    const sut = parseEdxmlStatus(goldenEdxml(golden));
    expect(sut).toMatchObject({ statusCode, from: { organId: fromOrganId }, responseFor, timestamp });
  });

  it('reads who handled the document', () => {
    const sut = parseEdxmlStatus(goldenEdxml('ok/status-06-done.sdk-wrapper.xml'));
    expect(sut.staffInfo).toEqual({
      department: 'Phòng Tư pháp',
      staff: 'Chuyên viên hộ tịch',
      mobile: '02438250000',
      email: 'tuphap@hoankiem.hanoi.example',
    });
    expect(sut.description).toBe('Hoàn thành');
  });

  it.each([
    [
      'a StatusCode outside the table',
      (xml: string) => xml.replace('>03<', '>07<'),
      /StatusCode must be one of/,
    ],
    [
      'a Timestamp in another format',
      (xml: string) => xml.replace('2024/08/21 18:20:00', '21/08/2024 18:20'),
      /Timestamp/,
    ],
  ])('refuses %s', (_case, change, reason) => {
    expect(refusal(() => parseEdxmlStatus(change(goldenEdxml('ok/status-03-registered.xml'))))).toMatch(
      reason,
    );
  });
});
