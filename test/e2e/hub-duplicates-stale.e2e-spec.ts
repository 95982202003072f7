import { randomBytes } from 'node:crypto';
import { DeadLetterHeader, HubHeader } from '@lienthong/kafka';
import { LienthongHarness } from '../support/lienthong-harness';
import { eventually } from '../support/wait';
import { publish, readTopic } from '../support/kafka-client';
import { freshCopy, loadFixtureDossiers } from '../support/source-fixtures';

jest.setTimeout(120_000);

describe('the hub with duplicate, stale and wrongly keyed events', () => {
  let sut: LienthongHarness;

  beforeAll(async () => {
    sut = await new LienthongHarness().start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('applies each event id once and never moves a dossier backwards', async () => {
    const dossier = loadFixtureDossiers('motcua').find((candidate) => candidate.events.length >= 4)!;
    const [first, second, third] = dossier.events.map(({ bytes }) => bytes);
    const lateFirst = JSON.parse(first.toString());
    lateFirst.eventId = 'a-late-copy-of-the-first-event';
    const code = dossier.expectedPortal.MaHoSo;

    // Wrong and missing keys land on other partitions; each waits for the one before, as a source would.
    const heldStatuses = () =>
      sut.portal.held(code).then(
        (held) => held.statuses,
        (error: { response?: { status?: number } }) =>
          error.response?.status === 404 ? ([] as string[]) : Promise.reject(error),
      );
    for (const [count, message] of [
      [1, { key: code, value: first }],
      [2, { key: 'a-wrong-key', value: second }],
      [3, { key: null, value: third }],
    ] as const) {
      await publish(sut.topics.source('motcua'), [message]);
      expect(await eventually(heldStatuses, (statuses) => statuses.length === count)).toHaveLength(count);
    }
    await publish(sut.topics.source('motcua'), [
      { key: code, value: second },
      { key: code, value: JSON.stringify(lateFirst) },
    ]);

    const canonical = await readTopic(sut.topics.dossier, 5, 5_000);
    expect(canonical).toHaveLength(4);
    expect(canonical.map((message) => message.key)).toEqual([code, code, code, code]);
    expect(canonical.map((message) => JSON.parse(message.value.toString()).provenance.sequence)).toEqual([
      1, 2, 3, 1,
    ]);
    expect(canonical.map((message) => message.headers[HubHeader.Stale] ?? 'no')).toEqual([
      'no',
      'no',
      'no',
      'true',
    ]);
    for (const message of canonical) {
      expect(message.headers).toMatchObject({ ce_specversion: '1.0', ce_source: '/lienthong/hub' });
      // The time is in the payload and the subject is the key: no header repeats them.
      expect(message.headers).not.toHaveProperty('ce_time');
      expect(message.headers).not.toHaveProperty('ce_subject');
      expect(message.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    }
    // The stale one is routed to nobody; the portal (no condition in the rules) gets the others.
    expect(
      canonical.map((message) =>
        (message.headers[HubHeader.Routes] ?? '').split(',').includes('national-portal'),
      ),
    ).toEqual([true, true, true, false]);
    const held = await sut.portal.held(code);
    expect(held.statuses).toEqual(['1', '2', '4']);
    expect(held.creates).toBe(1);
  });

  it('dead-letters an incompressible 1 MB event as TOO_LARGE and keeps routing', async () => {
    // As large as a source may send (the broker's 1 MB): with dead-letter headers it is over that limit.
    const huge = randomBytes(1_048_400);
    await publish(sut.topics.source('gtvt'), [{ key: 'huge', value: huge }]);
    const [deadLetter] = await readTopic(sut.topics.deadLetter('hub'), 1);
    expect(deadLetter.headers[DeadLetterHeader.Reason]).toBe('TOO_LARGE');
    expect(Buffer.compare(deadLetter.value, huge)).toBe(0);

    const [sample] = loadFixtureDossiers('gtvt');
    const fresh = freshCopy(sample.events[0].bytes, 88001);
    await publish(sut.topics.source('gtvt'), [{ key: null, value: fresh.bytes }]);
    const code = sample.expectedPortal.MaHoSo.replace(/-\d+$/, fresh.serialSuffix);
    expect(
      (
        await eventually(
          () => sut.portal.lookup(code),
          (record) => record !== undefined,
        )
      )?.MaHoSo,
    ).toBe(code);
  });
});
