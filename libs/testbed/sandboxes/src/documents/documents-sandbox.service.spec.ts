import { readFileSync } from 'node:fs';
import { projectPath, readConfig } from '@lienthong/config';
import { documentsSandboxConfigSpec } from './documents-sandbox.config';
import { DocumentsSandboxService } from './documents-sandbox.service';
import { DocumentsSandboxStore } from './documents-sandbox.store';
import { readPackageXml } from './xml-document';

const golden = (name: string) =>
  readFileSync(projectPath('test', 'fixtures', 'contracts', 'edxml', name), 'utf8');
const SENDER = '000.00.00.H26';
const DOCUMENT_ID = '000.00.00.H26,2024/08/21,000.00.12.H26-240818-9001.7/KQ-TTHC';

/** The fields of a status package, read as the sender would. */
function statusOf(xml: string) {
  const status = readPackageXml(xml).kids[0].kids[0].kids[0];
  const field = (local: string) => status.kids.find((kid) => kid.local === local);
  return {
    wrapper: status.local,
    fields: status.kids.map((kid) => kid.local),
    from: field('From')?.kids.find((kid) => kid.local === 'OrganId')?.text,
    statusCode: field('StatusCode')?.text,
    description: field('Description')?.text,
    documentId: field('ResponseFor')?.kids.find((kid) => kid.local === 'DocumentId')?.text,
  };
}

describe(DocumentsSandboxService.name, () => {
  let store: DocumentsSandboxStore;
  let sut: DocumentsSandboxService;

  beforeEach(() => {
    jest.useFakeTimers();
    store = new DocumentsSandboxStore();
    sut = new DocumentsSandboxService(
      readConfig(documentsSandboxConfigSpec, { DOCUMENTS_SANDBOX_STATUS_DELAY_MS: '100' }),
      store,
    );
  });

  afterEach(() => {
    sut.onModuleDestroy();
    jest.useRealTimers();
  });

  it.each([
    ['not-ok/unprefixed-envelope-child.xml', /element Subject .* edXML: prefix/, DOCUMENT_ID],
    ['not-ok/document-id-not-last.xml', /lists Code after DocumentId/, DOCUMENT_ID],
    ['not-ok/manifest-attachment-mismatch.xml', /references cid:2 but no attachment carries it/, DOCUMENT_ID],
    ['not-ok/trace-header-list-without-soap-attributes.xml', /SOAP-ENV:mustUnderstand/, DOCUMENT_ID],
    ['not-ok/wrong-namespace.xml', /root element must be edXML in namespace/, DOCUMENT_ID],
  ])('refuses the golden %s with status 02 and the reason, and keeps nothing', (name, reason, documentId) => {
    const answer = sut.send(golden(name));
    expect(answer.accepted).toBe(false);
    const status = statusOf(answer.statusXml);
    expect(status).toMatchObject({ statusCode: '02', from: 'sandbox.edxml', documentId });
    expect(status.description).toMatch(/^Từ chối tiếp nhận: /);
    expect(status.description).toMatch(reason);
    expect(store.snapshot()).toMatchObject({
      packages: [],
      statuses: [],
      refusals: [{ reason: expect.stringMatching(reason) }],
    });
  });

  it('refuses XML it cannot read without naming a document', () => {
    const status = statusOf(sut.send('<edXML').statusXml);
    expect(status).toMatchObject({ statusCode: '02', documentId: undefined });
    expect(status.fields).toEqual(['From', 'StatusCode', 'Description', 'Timestamp']);
  });

  it('answers 01, then issues 03 and 06 to the sender inbox, each gone once acknowledged done', () => {
    const answer = sut.send(golden('ok/document-new.pretty.xml'));
    expect(answer.accepted).toBe(true);
    expect(statusOf(answer.statusXml)).toMatchObject({
      wrapper: 'Status',
      fields: ['From', 'ResponseFor', 'StatusCode', 'Description', 'Timestamp'],
      statusCode: '01',
      documentId: DOCUMENT_ID,
    });
    const codes = () => sut.inbox(SENDER, 'status').map((entry) => entry.statusCode);
    expect(codes()).toEqual(['01']);
    jest.advanceTimersByTime(100);
    expect(codes()).toEqual(['01', '03']);
    jest.advanceTimersByTime(100);
    expect(codes()).toEqual(['01', '03', '06']);

    const [arrived, registered] = sut.inbox(SENDER, 'status');
    expect(statusOf(sut.message(registered.id)!)).toMatchObject({
      fields: ['From', 'ResponseFor', 'StaffInfo', 'StatusCode', 'Description', 'Timestamp'],
      from: '000.00.12.H26',
      documentId: DOCUMENT_ID,
    });
    expect(sut.acknowledge(arrived.id, 'processing')).toBe(true);
    expect(codes()).toEqual(['01', '03', '06']);
    expect(sut.acknowledge(arrived.id, 'done')).toBe(true);
    expect(codes()).toEqual(['03', '06']);
    expect(sut.acknowledge('unknown', 'done')).toBe(false);
  });

  it('takes a resend of the same DocumentId, written with other prefixes, as the same package', () => {
    sut.send(golden('ok/document-new.pretty.xml'));
    const again = sut.send(golden('ok/document-new.compact-prefixes.xml'));
    expect(statusOf(again.statusXml).statusCode).toBe('01');
    jest.advanceTimersByTime(1_000);
    const { packages, statuses } = store.snapshot();
    expect(packages).toHaveLength(1);
    expect(packages[0]).toMatchObject({
      documentId: DOCUMENT_ID,
      toOrganId: '000.00.12.H26',
      sends: 2,
      attachments: [{ contentId: 'cid:1' }, { contentId: 'cid:2' }],
    });
    expect(statuses.map((status) => status.statusCode)).toEqual(['01', '03', '06']);
  });
});
