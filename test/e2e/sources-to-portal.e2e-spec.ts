import { readdirSync, readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import { DeadLetterHeader } from '@lienthong/kafka';
import type { PortalProgress } from '@lienthong/schemas';
import { LienthongHarness } from '../support/lienthong-harness';
import { eventually } from '../support/wait';
import { publish, readTopic } from '../support/kafka-client';
import { freshCopy, loadFixtureDossiers, mapWithSource } from '../support/source-fixtures';

jest.setTimeout(180_000);

// Each source gets its own isolated hub: two sources' samples share a dossier code with different content.
describe.each(['motcua', 'hotich', 'gtvt'])(
  '%s events to the national portal, on the real broker',
  (system) => {
    let sut: LienthongHarness;

    beforeAll(async () => {
      sut = await new LienthongHarness().start();
    });

    afterAll(async () => {
      await sut?.close();
    });

    it('delivers every shared sample so that TraCuuHoSo returns exactly the expected portal fields', async () => {
      const dossiers = loadFixtureDossiers(system);
      expect(dossiers.length).toBeGreaterThan(0);
      for (const dossier of dossiers) {
        await publish(
          sut.topics.source(system),
          dossier.events.map(({ bytes }) => ({ key: dossier.dossierCode, value: bytes })),
        );
      }

      for (const dossier of dossiers) {
        const fields = Object.keys(dossier.expectedPortal);
        const expectedCode = dossier.expectedPortal.MaHoSo;
        const pick = (record: object | undefined) =>
          Object.fromEntries(
            fields.map((field) => [field, (record as Record<string, string> | undefined)?.[field]]),
          );
        const held = await eventually(
          () => sut.portal.lookup(expectedCode),
          (record) => JSON.stringify(pick(record)) === JSON.stringify(dossier.expectedPortal),
        );
        expect(pick(held)).toEqual(dossier.expectedPortal);
        const history = await sut.portal.held(expectedCode);
        expect(history.creates).toBe(1);
        expect(history.statuses.at(-1)).toBe(dossier.expectedPortal.TrangThaiHoSo);
        // Events of a dossier that arrive together are sent as its newest record; every step still goes as
        // a progress record, named after the handler or, when the source names none, the department.
        const progress = history.progress as PortalProgress[];
        expect(progress.map((step) => step.TrangThai)).toEqual(
          dossier.events.map(({ bytes }) => String(mapWithSource(system, bytes).status)),
        );
        expect(progress.every((step) => step.NguoiXuLy.length > 0)).toBe(true);
      }
    });

    it('dead-letters every not-ok fixture with its original bytes and reason, and keeps running', async () => {
      const dir = projectPath('test', 'fixtures', system, 'not-ok');
      const rejects = readdirSync(dir).map((file) => ({
        reason: file.split('--')[0],
        bytes: readFileSync(`${dir}/${file}`),
      }));
      await publish(
        sut.topics.source(system),
        rejects.map(({ bytes }, index) => ({ key: `reject-${index}`, value: bytes })),
      );

      const deadLetters = await readTopic(sut.topics.deadLetter('hub'), rejects.length);
      const received = deadLetters.map((letter) => ({
        reason: letter.headers[DeadLetterHeader.Reason],
        bytes: letter.value,
        topic: letter.headers[DeadLetterHeader.SourceTopic],
        hasOffset: /^\d+$/.test(letter.headers[DeadLetterHeader.SourceOffset] ?? ''),
        hasMessage: (letter.headers[DeadLetterHeader.Message] ?? '').length > 0,
      }));
      const expected = rejects.map(({ reason, bytes }) => ({
        reason,
        bytes,
        topic: sut.topics.source(system),
        hasOffset: true,
        hasMessage: true,
      }));
      const byBytes = (a: { bytes: Buffer }, b: { bytes: Buffer }) => Buffer.compare(a.bytes, b.bytes);
      expect(received.sort(byBytes)).toEqual(expected.sort(byBytes));

      const [first] = loadFixtureDossiers(system);
      const fresh = freshCopy(first.events[0].bytes, 77001);
      await publish(sut.topics.source(system), [{ key: null, value: fresh.bytes }]);
      const freshCode = first.expectedPortal.MaHoSo.replace(/-\d+$/, fresh.serialSuffix);
      const delivered = await eventually(
        () => sut.portal.lookup(freshCode),
        (record) => record !== undefined,
      );
      expect(delivered?.MaHoSo).toBe(freshCode);
    });
  },
);
