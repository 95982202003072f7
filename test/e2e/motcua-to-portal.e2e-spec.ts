import { DeadLetterHeader } from '@lienthong/kafka';
import { LienthongHarness } from '../support/lienthong-harness';
import { eventually, publish, readTopic } from '../support/kafka-client';
import { loadFixtureDossiers } from '../support/source-fixtures';

jest.setTimeout(180_000);

describe('motcua events to the national portal, on the real broker', () => {
  let sut: LienthongHarness;

  beforeAll(async () => {
    sut = await new LienthongHarness().start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('delivers every shared motcua fixture so that TraCuuHoSo returns the expected portal fields', async () => {
    const dossiers = loadFixtureDossiers('motcua');
    expect(dossiers.length).toBeGreaterThan(0);
    for (const dossier of dossiers) {
      await publish(
        sut.topics.source('motcua'),
        dossier.events.map(({ bytes }) => ({ key: dossier.dossierCode, value: bytes })),
      );
    }

    for (const dossier of dossiers) {
      const expectedFields = Object.keys(dossier.expectedPortal);
      const held = await eventually(
        () => sut.portal.lookup(dossier.dossierCode),
        (record) =>
          record !== undefined &&
          expectedFields.every(
            (field) => record[field as keyof typeof record] === dossier.expectedPortal[field],
          ),
      );
      const actual = Object.fromEntries(
        expectedFields.map((field) => [field, held?.[field as keyof typeof held]]),
      );
      expect({ dossier: dossier.dossierCode, ...actual }).toEqual({
        dossier: dossier.dossierCode,
        ...dossier.expectedPortal,
      });
      const history = await sut.portal.held(dossier.dossierCode);
      expect(history.creates).toBe(1);
      expect(history.statuses).toHaveLength(dossier.events.length);
    }
  });

  it('dead-letters an invalid event with its original bytes and reason, and keeps running', async () => {
    const invalid = Buffer.from(
      JSON.stringify({
        eventId: 'bad-1',
        occurredAt: '2024-08-15T08:33:00+07:00',
        version: 1,
        hoSo: { maHoSo: 'x' },
      }),
    );
    const garbage = Buffer.from('{not json');
    await publish(sut.topics.source('motcua'), [
      { key: 'x', value: invalid },
      { key: 'y', value: garbage },
    ]);

    const deadLetters = await readTopic(sut.topics.deadLetter('hub'), 2);
    expect(deadLetters.map((letter) => letter.value.toString())).toEqual([
      invalid.toString(),
      garbage.toString(),
    ]);
    expect(deadLetters.map((letter) => letter.headers[DeadLetterHeader.Reason])).toEqual([
      'SCHEMA_INVALID',
      'UNPARSEABLE',
    ]);
    expect(deadLetters[0].headers[DeadLetterHeader.Path]).toBe('/hoSo/maTTHC');
    expect(deadLetters[0].headers[DeadLetterHeader.SourceTopic]).toBe(sut.topics.source('motcua'));

    const [first] = loadFixtureDossiers('motcua');
    const later = JSON.parse(first.events[0].bytes.toString());
    later.eventId = 'after-the-dead-letters';
    later.hoSo.maHoSo = '000.00.12.H26-240815-7777';
    await publish(sut.topics.source('motcua'), [{ key: null, value: JSON.stringify(later) }]);
    const delivered = await eventually(
      () => sut.portal.lookup('000.00.12.H26-240815-7777'),
      (record) => record !== undefined,
    );
    expect(delivered?.TrangThaiHoSo).toBe('1');
  });
});
