import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import type { DossierEvent } from '@lienthong/schemas';
import { buildEdxmlDocument, buildEdxmlStatus } from './edxml-builder';
import { EdxmlRejection } from './edxml-rejection';
import { parseEdxmlDocument, parseEdxmlStatus } from './edxml-parser';
import { BusinessDocType, EDXML_NAMESPACE, StatusCode, type EdxmlStatus } from './edxml.contract';
import { resultPackageOf } from './to-edxml';

const dossier: DossierEvent = JSON.parse(
  readFileSync(projectPath('test', 'fixtures', 'hotich', 'ok', 'normalization.dossier.json'), 'utf8'),
);
const sender = { organId: '000.00.00.H26', organName: 'Ủy ban nhân dân Thành phố Hà Nội' };
const twoResults: DossierEvent = {
  ...dossier,
  results: [
    ...dossier.results,
    { code: 'KQ2', name: 'Bản sao trích lục <điện tử> & kèm', number: null, url: null },
  ],
};

describe(buildEdxmlDocument.name, () => {
  it('writes a package the parser reads back field for field', () => {
    const document = resultPackageOf(twoResults, { sender, promulgationPlace: 'Hà Nội' });
    const sut = parseEdxmlDocument(buildEdxmlDocument(document));
    expect(sut).toEqual({
      ...document,
      documentId: `000.00.00.H26,2024/08/21,${dossier.dossierCode}.7/KQ-TTHC`,
    });
    expect(sut.attachments.map(({ contentId }) => contentId)).toEqual(['cid:1', 'cid:2']);
    expect(JSON.parse(sut.attachments[0].content.toString('utf8'))).toMatchObject({
      dossierCode: dossier.dossierCode,
      resultCode: 'KQ1',
      number: '9001/2024',
    });
  });

  it('follows QCVN 102 names: edXML root in its namespace, Bussiness spelled so, attachments after the envelope', () => {
    const xml = buildEdxmlDocument(resultPackageOf(dossier, { sender, promulgationPlace: 'Hà Nội' }));
    expect(xml).toContain(`<edXML:edXML xmlns:edXML="${EDXML_NAMESPACE}">`);
    expect(xml).toContain('<edXML:BussinessDocType>0</edXML:BussinessDocType>');
    expect(xml).toContain('<edXML:Timestamp>2024/08/21 18:16:00</edXML:Timestamp>');
    expect(xml).toContain('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">');
    expect(xml.indexOf('</edXML:edXMLEnvelope>')).toBeLessThan(xml.indexOf('<edXML:AttachmentEncoded>'));
  });

  it('names the same DocumentId for the same event, and updates the earlier package when given one', () => {
    const first = resultPackageOf(dossier, { sender, promulgationPlace: 'Hà Nội' });
    expect(buildEdxmlDocument(resultPackageOf(dossier, { sender, promulgationPlace: 'Hà Nội' }))).toBe(
      buildEdxmlDocument(first),
    );
    const update = resultPackageOf(
      { ...dossier, provenance: { ...dossier.provenance, sequence: 8 } },
      { sender, promulgationPlace: 'Hà Nội', previous: first.reference },
    );
    const sut = parseEdxmlDocument(buildEdxmlDocument(update));
    expect(sut.businessDocType).toBe(BusinessDocType.Update);
    expect(sut.responseFor).toEqual(first.reference);
  });
});

describe(parseEdxmlDocument.name, () => {
  const xml = buildEdxmlDocument(resultPackageOf(twoResults, { sender, promulgationPlace: 'Hà Nội' }));
  const refusal = (bad: string) => {
    try {
      parseEdxmlDocument(bad);
    } catch (error) {
      if (error instanceof EdxmlRejection) return error.message;
      throw error;
    }
    return undefined;
  };

  it.each([
    ['an unprefixed envelope child', xml.replace(/edXML:Subject>/g, 'Subject>'), /Subject .* edXML: prefix/],
    ['a wrong namespace', xml.replace(EDXML_NAMESPACE, 'http://example.org/edxml'), /namespace|bound to/],
    ['a DOCTYPE', xml.replace('<edXML:edXML ', '<!DOCTYPE x [<!ENTITY a "b">]><edXML:edXML '), /DOCTYPE/],
    [
      'content that is not base64',
      xml.replace(/(<edXML:ContentTransferEncoded>)[^<]+/, '$1@@@'),
      /not base64/,
    ],
    ['a changed attachment', xml.replace(/(<edXML:ContentTransferEncoded>)[^<]{4}/, '$1AAAA'), /digest/],
    ['a malformed DocumentId', xml.replace(/(<edXML:DocumentId>)[^<]+/, '$1KQ-42'), /DocumentId must read/],
    ['XML that is not well formed', xml.slice(0, 200), /not well-formed/],
  ])('refuses %s', (_case, bad, reason) => {
    expect(refusal(bad)).toMatch(reason);
  });
});

describe(parseEdxmlStatus.name, () => {
  it('reads a status package back', () => {
    const status: EdxmlStatus = {
      from: { organId: '000.00.12.H26', organName: 'Sở Tư pháp' },
      responseFor: {
        organId: '000.00.00.H26',
        promulgationDate: '2024/08/21',
        codeNumber: `${dossier.dossierCode}.7`,
        codeNotation: 'KQ-TTHC',
      },
      staffInfo: { department: 'Văn thư', staff: 'Cán bộ văn thư' },
      statusCode: StatusCode.AcceptedAndRegistered,
      description: 'Đã tiếp nhận, vào sổ văn bản đến',
      timestamp: '2024/08/21 18:20:00',
    };
    const sut = parseEdxmlStatus(buildEdxmlStatus(status));
    expect(sut).toEqual({
      ...status,
      staffInfo: { ...status.staffInfo, mobile: undefined, email: undefined },
    });
  });
});
