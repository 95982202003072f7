import { DeadLetterHeader } from '@lienthong/kafka';
import { eventually } from '../support/wait';
import { publish, readTopic } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';
import { dossierWithSteps } from '../support/lifecycles';
import { freshCopy, loadFixtureDossiers, mapWithSource } from '../support/source-fixtures';

jest.setTimeout(120_000);

/**
 * Poison on a route topic: records that are not dossier events, or whose sequence no ledger can hold,
 * are dead-lettered with their reason and the partition moves on to the next dossier. An event is
 * known by its source system and id, so two systems' events with one id are both delivered.
 */
describe('what a connector is given: poison records, event ids shared across sources', () => {
  let sut: LienthongHarness;

  beforeAll(async () => {
    sut = await new LienthongHarness().start();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('dead-letters each with its reason and delivers the dossier behind them', async () => {
    const [sample] = loadFixtureDossiers('motcua');
    const fresh = freshCopy(sample.events[0].bytes, 66001);
    const dossier = mapWithSource('motcua', fresh.bytes);
    const huge = JSON.stringify({
      ...dossier,
      provenance: { ...dossier.provenance, sourceEventId: 'poison-huge', sequence: 1e19 },
    });
    // One key: the poison and the good event share a partition, in this order.
    const key = dossier.dossierCode;
    await publish(sut.topics.route('national-portal'), [
      { key, value: Buffer.from(huge) },
      { key, value: Buffer.from('{"not":"a dossier"}') },
      { key, value: Buffer.from([0xff, 0xfe, 0x00]) },
      { key, value: Buffer.from(JSON.stringify(dossier)) },
    ]);

    const held = await eventually(
      () => sut.portal.lookup(dossier.dossierCode),
      (record) => record !== undefined,
    );
    expect(held?.MaHoSo).toBe(dossier.dossierCode);
    const letters = await readTopic(sut.topics.deadLetter('national-portal'), 3);
    expect(letters.map((letter) => letter.headers[DeadLetterHeader.Reason])).toEqual([
      'INVALID_DOSSIER_EVENT',
      'INVALID_DOSSIER_EVENT',
      'INVALID_DOSSIER_EVENT',
    ]);
    expect(letters[0].value.toString()).toBe(huge);
  });

  it('delivers two events that two source systems gave the same id, one per dossier', async () => {
    const sameId = 'evt-shared-1';
    const motcua = freshCopy(loadFixtureDossiers('motcua')[0].events[0].bytes, 66101);
    const motcuaBytes = Buffer.from(
      motcua.bytes.toString().replace(/"eventId":\s*"[^"]*"/, `"eventId": "${sameId}"`),
    );
    const gtvt = freshCopy(loadFixtureDossiers('gtvt')[0].events[0].bytes, 66102);
    const gtvtBytes = Buffer.from(gtvt.bytes.toString().replace(/"id":\s*"[^"]*"/, `"id": "${sameId}"`));
    const codes = [mapWithSource('motcua', motcuaBytes), mapWithSource('gtvt', gtvtBytes)].map((dossier) => {
      expect(dossier.provenance.sourceEventId).toBe(sameId);
      return dossier.dossierCode;
    });
    expect(new Set(codes).size).toBe(2);
    // One after the other: the second comes when the first is in every ledger.
    const sources = ['motcua', 'gtvt'];
    for (const [index, bytes] of [motcuaBytes, gtvtBytes].entries()) {
      await publish(sut.topics.source(sources[index]), [{ key: codes[index], value: bytes }]);
      const held = await eventually(
        () => sut.portal.lookup(codes[index]),
        (record) => record !== undefined,
      );
      expect(held?.MaHoSo).toBe(codes[index]);
    }
  });

  it('handles an event found twice in one batch once, and the partition moves on', async () => {
    // A rebalance or a parked event sent twice leaves copies of one event side by side on a topic.
    const [older, newer] = dossierWithSteps(66201, Date.now() - 86_400_000, 2).map((event) =>
      mapWithSource('motcua', Buffer.from(JSON.stringify(event))),
    );
    const code = older.dossierCode;
    const route = (...dossiers: (typeof older)[]) =>
      publish(
        sut.topics.route('national-portal'),
        dossiers.map((dossier) => ({ key: code, value: Buffer.from(JSON.stringify(dossier)) })),
      );
    await route(newer, newer);
    await eventually(
      () => sut.portal.held(code).catch(() => undefined),
      (history) => history !== undefined,
    );
    // Older than what the portal holds, twice: one progress record, then the partition goes on.
    await route(older, older);
    const after = freshCopy(loadFixtureDossiers('motcua')[0].events[0].bytes, 66202);
    const afterDossier = mapWithSource('motcua', after.bytes);
    await publish(sut.topics.route('national-portal'), [
      { key: code, value: Buffer.from(JSON.stringify(afterDossier)) },
    ]);

    await eventually(
      () => sut.portal.lookup(afterDossier.dossierCode),
      (record) => record !== undefined,
    );
    const held = await sut.portal.held(code);
    expect(held.creates).toBe(1);
    expect(held.progress).toHaveLength(2);
  });
});
