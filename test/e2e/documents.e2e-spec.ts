import { PermanentError, RetriableError } from '@lienthong/connector-runtime';
import {
  buildEdxmlDocument,
  DocumentsExchangeClient,
  PackageRefusedError,
  parseDocumentId,
  resultPackageOf,
} from '@lienthong/documents';
import { DeadLetterHeader } from '@lienthong/kafka';
import type { DossierEvent } from '@lienthong/schemas';
import { DocumentsHarness } from '../support/documents-harness';
import { eventually } from '../support/wait';
import { publish, readTopic } from '../support/kafka-client';

jest.setTimeout(120_000);

const ALL_STATUSES = ['01', '03', '06'];

/** A status package answering a document this hub never sent, with what a receiver put in it. */
const statusPackage = (description: string, inside = '') => `<?xml version="1.0" encoding="UTF-8"?>
<edXML:edXML xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXML:edXMLEnvelope><edXML:edXMLHeader>
<edXML:Status><edXML:From><edXML:OrganId>000.00.17.H26</edXML:OrganId><edXML:OrganName>Sở Tư pháp</edXML:OrganName></edXML:From>
<edXML:ResponseFor><edXML:OrganId>000.00.00.H26</edXML:OrganId><edXML:Code>1/KQ</edXML:Code>
<edXML:PromulgationDate>2024/08/21</edXML:PromulgationDate><edXML:DocumentId>000.00.00.H26,2024/08/21,1/KQ</edXML:DocumentId></edXML:ResponseFor>
<edXML:StatusCode>03</edXML:StatusCode><edXML:Description>${description}</edXML:Description>
<edXML:Timestamp>2026/01/02 03:04:05</edXML:Timestamp>${inside}</edXML:Status>
</edXML:edXMLHeader></edXML:edXMLEnvelope></edXML:edXML>`;

describe('dossier results to the document exchange as edXML, on the real broker and database', () => {
  let sut: DocumentsHarness;

  beforeAll(async () => {
    sut = await new DocumentsHarness().start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  const send = (events: DossierEvent[]) =>
    publish(
      sut.topics.route('documents'),
      events.map((event) => ({ key: event.dossierCode, value: JSON.stringify(event) })),
    );

  const statusesOf = async (documentIds: string[]) => {
    const recorded = await sut.recordedStatuses();
    return documentIds.map((documentId) => ({
      documentId,
      codes: recorded.filter((row) => row.document_id === documentId).map((row) => row.status_code),
      allAcknowledged: recorded
        .filter((row) => row.document_id === documentId)
        .every((row) => row.acknowledged_at !== null),
    }));
  };

  it('sends one valid package per dossier result, once, and records the 01, 03, 06 feedback acknowledged', async () => {
    const single = sut.dossierEvent(81001);
    const golden = sut.dossierEvent(81002);
    const double = sut.dossierEvent(81002, {
      results: [...golden.results, { code: 'KQ2', name: 'Bản sao trích lục', number: '12/BS', url: null }],
    });
    const noResults = sut.dossierEvent(81003, { results: [] });
    // A redelivery of the same event, and a later event of the same dossier with the same results.
    const sameResultsLater = sut.dossierEvent(81001, {}, 8);
    await send([single, double, noResults, single, sameResultsLater]);

    const packages = await eventually(
      () => sut.packages(),
      (received) => received.length >= 2,
    );
    expect(packages.map((pkg) => pkg.documentId).sort()).toEqual([
      `000.00.00.H26,2024/08/21,${single.dossierCode}.7/KQ-TTHC`,
      `000.00.00.H26,2024/08/21,${double.dossierCode}.7/KQ-TTHC`,
    ]);
    expect(packages.every((pkg) => pkg.sends === 1 && pkg.toOrganId === single.agency.code)).toBe(true);
    expect(await sut.refusals()).toEqual([]);
    const doublePackage = packages.find((pkg) => pkg.documentId.includes(double.dossierCode))!;
    expect(
      doublePackage.attachments.map((attachment) => ({
        contentId: attachment.contentId,
        description: attachment.description,
        record: JSON.parse(Buffer.from(attachment.base64, 'base64').toString('utf8')),
      })),
    ).toEqual(
      double.results.map((result, index) => ({
        contentId: `cid:${index + 1}`,
        description: result.name,
        record: expect.objectContaining({
          dossierCode: double.dossierCode,
          resultCode: result.code,
          number: result.number,
        }),
      })),
    );

    const documentIds = packages.map((pkg) => pkg.documentId);
    const feedback = await eventually(
      () => statusesOf(documentIds),
      (rows) => rows.every((row) => row.codes.length === 3 && row.allAcknowledged),
      30_000,
    );
    expect(feedback).toEqual(
      documentIds.map((documentId) => ({ documentId, codes: ALL_STATUSES, allAcknowledged: true })),
    );
    const issued = await sut.issuedStatuses();
    expect(issued.filter((status) => documentIds.includes(status.documentId))).toHaveLength(6);
    expect(issued.every((status) => status.acks.at(-1) === 'done')).toBe(true);
    const latest = await sut.query<{ last_status_code: string }>(
      `SELECT last_status_code FROM ${sut.schema}.documents_packages ORDER BY document_id`,
    );
    expect(latest).toEqual([{ last_status_code: '06' }, { last_status_code: '06' }]);
    expect(await sut.packages()).toHaveLength(2);
  });

  it('sends changed results as an update of the earlier package', async () => {
    const first = sut.dossierEvent(82001);
    const changed = sut.dossierEvent(
      82001,
      { results: [{ ...first.results[0], number: '9001/2024-BS' }] },
      9,
    );
    await send([first, changed]);
    const packages = await eventually(
      () => sut.packages(),
      (received) => received.filter((pkg) => pkg.documentId.includes(first.dossierCode)).length === 2,
    );
    const update = packages.find((pkg) => pkg.documentId.includes(`${first.dossierCode}.9/`));
    expect(update?.businessDocType).toBe('2');
    expect(parseDocumentId(update!.documentId)?.codeNumber).toBe(`${first.dossierCode}.9`);
  });

  it('delivers through injected 5xx and 429 answers without sending any package twice', async () => {
    await sut.setFaults({ rate: 0.5, kinds: ['5xx', '429'] });
    const events = [83001, 83002, 83003, 83004].map((serial) => sut.dossierEvent(serial));
    await send(events);
    const documentIds = events.map((event) => `000.00.00.H26,2024/08/21,${event.dossierCode}.7/KQ-TTHC`);
    const feedback = await eventually(
      () => statusesOf(documentIds),
      (rows) => rows.every((row) => row.codes.length === 3 && row.allAcknowledged),
      60_000,
    );
    const { injected } = await sut.setFaults({ rate: 0 });
    expect((injected['5xx'] ?? 0) + (injected['429'] ?? 0)).toBeGreaterThan(0);
    expect(feedback.map((row) => row.codes)).toEqual(documentIds.map(() => ALL_STATUSES));
    const packages = (await sut.packages()).filter((pkg) => documentIds.includes(pkg.documentId));
    expect(packages.map((pkg) => pkg.sends)).toEqual([1, 1, 1, 1]);
  });

  it('dead-letters a status package it cannot take in, with its reason, and records the packages behind it', async () => {
    // Nested past the XML reader's limit (it throws, not a refusal), and a NUL PostgreSQL does not store.
    const nested = await sut.plantStatus(
      'unreadable',
      statusPackage('x', '<a>'.repeat(200) + '</a>'.repeat(200)),
    );
    const withNul = await sut.plantStatus('unstorable', statusPackage('Đã vào sổ\u0000'));
    const event = sut.dossierEvent(85001);
    await send([event]);
    const documentId = `000.00.00.H26,2024/08/21,${event.dossierCode}.7/KQ-TTHC`;

    const feedback = await eventually(
      () => statusesOf([documentId]),
      ([row]) => row.codes.length === 3 && row.allAcknowledged,
      60_000,
    );
    expect(feedback).toEqual([{ documentId, codes: ALL_STATUSES, allAcknowledged: true }]);

    const letters = (await readTopic(sut.topics.deadLetter('documents'), 2)).filter((letter) =>
      [nested, withNul].includes(letter.headers['lienthong-documents-message-id']),
    );
    expect(
      letters.map((letter) => ({
        messageId: letter.headers['lienthong-documents-message-id'],
        reason: letter.headers[DeadLetterHeader.Reason],
        stage: letter.headers[DeadLetterHeader.Stage],
        key: letter.key,
      })),
    ).toEqual([
      { messageId: nested, reason: 'DOCUMENTS_STATUS_UNREADABLE', stage: 'documents', key: 'unreadable' },
      { messageId: withNul, reason: 'DOCUMENTS_STATUS_UNSTORABLE', stage: 'documents', key: 'unstorable' },
    ]);
    expect(letters[0].headers[DeadLetterHeader.Message]).toMatch(/nested/i);
    expect(letters[1].value.toString()).toContain('Đã vào sổ\u0000');
    // Acknowledged `fail` once: not read, nor dead-lettered, again on the passes after.
    const planted = (await sut.issuedStatuses()).filter((status) => [nested, withNul].includes(status.id));
    expect(planted.map((status) => status.acks)).toEqual([['fail'], ['fail']]);
  });

  it('classifies the exchange answers: a refused package is permanent with its reason, 5xx and 429 retriable', async () => {
    const client = new DocumentsExchangeClient({
      DOCUMENTS_URL: sut.sandboxUrl,
      DOCUMENTS_TIMEOUT_MS: 5_000,
      HTTP_MAX_ANSWER_BYTES: 1024 * 1024,
    });
    const document = resultPackageOf(sut.dossierEvent(84001), {
      sender: { organId: '000.00.00.H26', organName: 'UBND Thành phố Hà Nội' },
      promulgationPlace: 'Hà Nội',
    });
    const unprefixed = buildEdxmlDocument(document).replace(/edXML:Subject>/g, 'Subject>');
    const refused = await client.send(unprefixed).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PackageRefusedError);
    expect(refused).toBeInstanceOf(PermanentError);
    expect((refused as Error).message).toMatch(/^Từ chối tiếp nhận: element Subject .* edXML: prefix/);

    for (const kind of ['5xx', '429']) {
      await sut.setFaults({ rate: 1, kinds: [kind] });
      const failure = await client.send(buildEdxmlDocument(document)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RetriableError);
    }
    await sut.setFaults({ rate: 0 });
    expect((await sut.packages()).some((pkg) => pkg.documentId.includes('-84001.'))).toBe(false);
  });
});
