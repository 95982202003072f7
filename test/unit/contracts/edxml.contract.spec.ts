import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import {
  buildEdxmlDocument,
  documentIdOf,
  parseDocumentId,
  parseEdxmlStatus,
  resultPackageOf,
  type EdxmlDocument,
} from '@lienthong/documents';
import type { DossierEvent } from '@lienthong/schemas';
import {
  checkEdxmlPackage,
  documentRefOf,
  PackageRefusal,
  SandboxStatus,
  writeStatusPackage,
} from '@lienthong/sandboxes';

const sender = { organId: '000.00.00.H26', organName: 'Ủy ban nhân dân Thành phố Hà Nội' };
const dossierOf = (source: string): DossierEvent =>
  JSON.parse(
    readFileSync(projectPath('test', 'fixtures', source, 'ok', 'normalization.dossier.json'), 'utf8'),
  );
const packageOf = (dossier: DossierEvent, previous?: EdxmlDocument['reference']) =>
  resultPackageOf(dossier, { sender, promulgationPlace: 'Hà Nội', previous });

const hotich = dossierOf('hotich');
const connectorPackages: [string, EdxmlDocument][] = [
  ...['hotich', 'gtvt', 'motcua'].map((source): [string, EdxmlDocument] => [
    `a new ${source} result`,
    packageOf(dossierOf(source)),
  ]),
  [
    'three results, names that look like markup',
    packageOf({
      ...hotich,
      results: [
        ...hotich.results,
        { code: 'KQ<2>', name: 'Bản sao <điện tử> & "kèm"', number: null, url: null },
        { code: 'KQ3', name: 'Giấy xác nhận', number: '3/XN', url: 'https://example.org/?a=1&b=2' },
      ],
    }),
  ],
  [
    'an update of an earlier package (ResponseFor before DocumentId)',
    packageOf({ ...hotich, provenance: { ...hotich.provenance, sequence: 9 } }, packageOf(hotich).reference),
  ],
  ['no due date', packageOf({ ...hotich, times: { receivedAt: hotich.times.receivedAt } })],
];

describe('edXML contract between the documents connector and the documents sandbox', () => {
  it.each(connectorPackages)('the sandbox accepts what the connector sends: %s', (_case, document) => {
    let sut;
    try {
      sut = checkEdxmlPackage(buildEdxmlDocument(document));
    } catch (error) {
      // Say which rule the connector broke, rather than only that it threw.
      if (error instanceof PackageRefusal) throw new Error(`refused: ${error.message}`);
      throw error;
    }
    expect(sut.reference.documentId).toBe(documentIdOf(document.reference));
    expect(sut.from.organId).toBe(document.from.organId);
    expect(sut.to.organId).toBe(document.to.organId);
    expect(sut.businessDocType).toBe(document.businessDocType);
    expect(sut.attachments).toEqual(
      document.attachments.map(({ content, ...attachment }) => ({
        ...attachment,
        base64: content.toString('base64'),
      })),
    );
  });

  const documentId = documentIdOf(packageOf(hotich).reference);
  const hoanKiem = { organId: '000.00.12.H26', organName: 'UBND quận Hoàn Kiếm' };
  const statuses = [
    [
      '01 from the exchange',
      { from: { organId: 'sandbox.edxml', organName: 'Trục' }, status: SandboxStatus.Arrived },
    ],
    [
      '03 from the receiver',
      { from: hoanKiem, status: SandboxStatus.Registered, staff: { department: 'Văn thư', staff: 'A & B' } },
    ],
    [
      '06 from the receiver',
      { from: hoanKiem, status: SandboxStatus.Done, staff: { department: 'Văn thư', staff: 'C' } },
    ],
  ] as const;

  it.each(statuses)('the connector reads the status the sandbox writes: %s', (_case, status) => {
    const at = new Date('2024-08-21T11:20:00Z');
    const sut = parseEdxmlStatus(
      writeStatusPackage({ ...status, responseFor: documentRefOf(documentId), at }),
    );
    expect(sut).toMatchObject({
      from: status.from,
      responseFor: parseDocumentId(documentId),
      statusCode: status.status.code,
      description: status.status.description,
      timestamp: '2024/08/21 18:20:00',
    });
    expect(sut.staffInfo).toMatchObject('staff' in status ? status.staff : {});
  });

  it('the connector reads the refusal the sandbox writes for a package it broke, with the reason', () => {
    const broken = buildEdxmlDocument(packageOf(hotich)).replace(/edXML:Subject>/g, 'Subject>');
    let refusal: PackageRefusal | undefined;
    try {
      checkEdxmlPackage(broken);
    } catch (error) {
      if (!(error instanceof PackageRefusal)) throw error;
      refusal = error;
    }
    expect(refusal?.documentId).toBe(documentId);
    const sut = parseEdxmlStatus(
      writeStatusPackage({
        from: { organId: 'sandbox.edxml', organName: 'Trục' },
        responseFor: documentRefOf(refusal!.documentId!),
        status: SandboxStatus.Refused,
        detail: refusal!.message,
        at: new Date(),
      }),
    );
    expect(sut.statusCode).toBe('02');
    expect(sut.responseFor && documentIdOf(sut.responseFor)).toBe(documentId);
    expect(sut.description).toMatch(
      /^Từ chối tiếp nhận: element Subject in .*MessageHeader must carry the edXML: prefix$/,
    );
  });
});
