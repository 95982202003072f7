import { readFileSync } from 'node:fs';
import { projectPath, readConfig } from '@lienthong/config';
import {
  buildEdxmlDocument,
  EDXML_NAMESPACE,
  parseEdxmlStatus,
  resultPackageOf,
  StatusCode,
} from '@lienthong/documents';
import type { DossierEvent } from '@lienthong/schemas';
import { documentsSandboxConfigSpec } from './documents-sandbox.config';
import { DocumentsSandboxService } from './documents-sandbox.service';
import { DocumentsSandboxStore } from './documents-sandbox.store';

const dossier: DossierEvent = JSON.parse(
  readFileSync(projectPath('test', 'fixtures', 'hotich', 'ok', 'normalization.dossier.json'), 'utf8'),
);
const sender = { organId: '000.00.00.H26', organName: 'Ủy ban nhân dân Thành phố Hà Nội' };
const twoResults = {
  ...dossier,
  results: [...dossier.results, { code: 'KQ2', name: 'Bản sao trích lục', number: null, url: null }],
};
const validXml = buildEdxmlDocument(resultPackageOf(twoResults, { sender, promulgationPlace: 'Hà Nội' }));
const secondAttachment =
  /\s*<edXML:Attachment>(?:(?!<\/edXML:Attachment>)[\s\S])*cid:2[\s\S]*?<\/edXML:Attachment>/;
const secondReference =
  /\s*<edXML:Reference>(?:(?!<\/edXML:Reference>)[\s\S])*cid:2[\s\S]*?<\/edXML:Reference>/;

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
    [
      'an envelope child without the edXML: prefix',
      validXml.replace(/edXML:Subject>/g, 'Subject>'),
      /Subject .*prefix/,
    ],
    [
      'a wrong namespace',
      validXml.replace(EDXML_NAMESPACE, 'http://www.mic.gov.vn/TBT/QCVN_102_2011'),
      /bound to/,
    ],
    [
      'an attachment missing from the manifest',
      validXml.replace(secondReference, ''),
      /cid:2 is not in the manifest/,
    ],
    [
      'a manifest reference without its attachment',
      validXml.replace(secondAttachment, ''),
      /references cid:2 but no attachment/,
    ],
  ])('refuses %s with status 02 and the reason, and keeps nothing', (_case, xml, reason) => {
    const answer = sut.send(xml);
    expect(answer.accepted).toBe(false);
    const status = parseEdxmlStatus(answer.statusXml);
    expect(status.statusCode).toBe(StatusCode.Refused);
    expect(status.description).toMatch(reason);
    expect(store.snapshot()).toMatchObject({
      packages: [],
      statuses: [],
      refusals: [{ reason: expect.stringMatching(reason) }],
    });
  });

  it('answers 01, then issues 03 and 06 to the sender inbox, each gone once acknowledged done', () => {
    const answer = sut.send(validXml);
    expect(answer.accepted).toBe(true);
    expect(parseEdxmlStatus(answer.statusXml).statusCode).toBe(StatusCode.Arrived);
    const codes = () => sut.inbox(sender.organId, 'status').map((entry) => entry.statusCode);
    expect(codes()).toEqual(['01']);
    jest.advanceTimersByTime(100);
    expect(codes()).toEqual(['01', '03']);
    jest.advanceTimersByTime(100);
    expect(codes()).toEqual(['01', '03', '06']);

    const [arrived] = sut.inbox(sender.organId, 'status');
    const status = parseEdxmlStatus(sut.message(arrived.id)!);
    expect(status.responseFor?.codeNumber).toBe(`${dossier.dossierCode}.7`);
    expect(sut.acknowledge(arrived.id, 'processing')).toBe(true);
    expect(codes()).toEqual(['01', '03', '06']);
    expect(sut.acknowledge(arrived.id, 'done')).toBe(true);
    expect(codes()).toEqual(['03', '06']);
    expect(sut.acknowledge('unknown', 'done')).toBe(false);
  });

  it('takes a resend of the same DocumentId as the same package: one package, one set of statuses', () => {
    sut.send(validXml);
    const again = sut.send(validXml);
    expect(parseEdxmlStatus(again.statusXml).statusCode).toBe(StatusCode.Arrived);
    jest.advanceTimersByTime(1_000);
    const { packages, statuses } = store.snapshot();
    expect(packages).toHaveLength(1);
    expect(packages[0]).toMatchObject({
      sends: 2,
      attachments: [{ contentId: 'cid:1' }, { contentId: 'cid:2' }],
    });
    expect(statuses.map((status) => status.statusCode)).toEqual(['01', '03', '06']);
  });
});
