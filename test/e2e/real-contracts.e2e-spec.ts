import { randomUUID } from 'node:crypto';
import { differingFields, toPortalDossier } from '@lienthong/national-portal';
import type { DossierEvent, PortalDossier } from '@lienthong/schemas';
import { isRegisteredAs, mixedEvents } from '@lienthong/simulator';
import { eventually } from '../support/wait';
import { publish, readTopic } from '../support/kafka-client';
import { LienthongHarness } from '../support/lienthong-harness';
import { freshCopy, loadFixtureDossiers, newestByDossier } from '../support/source-fixtures';

jest.setTimeout(240_000);

const EVENTS = 90;
/** A citizen applicant the population database holds under this name: the portal record must say so. */
const verifiable = ({ applicant }: DossierEvent) =>
  applicant.type === 1 &&
  applicant.identity !== null &&
  isRegisteredAs(applicant.identity.number, applicant.name);

/**
 * The whole flow against gateways that answer as the real ones do: a portal sending `error_code` as a
 * string and, now and then, an HTML page with HTTP 200; a population gateway answering with the
 * collection straight under the SOAP Body, pretty-printed, the whole name in `Ten`.
 */
describe('the connectors against gateways answering in the real shapes', () => {
  let sut: LienthongHarness;

  beforeAll(async () => {
    sut = await new LienthongHarness().start(
      {
        PORTAL_SANDBOX_ERROR_CODES: 'string',
        PORTAL_SANDBOX_FAULTS: JSON.stringify({ rate: 0.15, kinds: ['html'] }),
        POPULATION_SANDBOX_ANSWER_STYLE: 'real',
        POPULATION_SANDBOX_NAME_STYLE: 'whole-in-ten',
        CONNECTOR_BACKOFF_INITIAL_MS: '50',
      },
      { population: true },
    );
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('lands every dossier with the right fields and links each verified citizen to the population database', async () => {
    const events = [...mixedEvents(EVENTS, (system) => sut.topics.source(system))];
    for (const event of events) {
      await publish(event.topic, [{ key: event.key, value: Buffer.from(event.value) }]);
    }
    const dossiers = newestByDossier(events);
    expect(dossiers.filter(verifiable).length).toBeGreaterThan(0);
    expect(dossiers.filter((dossier) => !verifiable(dossier)).length).toBeGreaterThan(0);

    for (const dossier of dossiers) {
      const linked = verifiable(dossier);
      const expected = toPortalDossier(dossier, { populationVerified: linked });
      const matches = (held: PortalDossier | undefined) =>
        held !== undefined &&
        differingFields({ ...expected }, { ...held }).length === 0 &&
        (held.DSKetNoiCSDL !== undefined) === linked;
      const held = await eventually(() => sut.portal.lookup(dossier.dossierCode), matches);
      expect({ code: dossier.dossierCode, fields: differingFields({ ...expected }, { ...held }) }).toEqual({
        code: dossier.dossierCode,
        fields: [],
      });
      expect(held?.DSKetNoiCSDL).toEqual(linked ? [{ MaCSDL: '1' }] : undefined);
      expect((await sut.portal.held(dossier.dossierCode)).creates).toBe(1);
    }

    const outcomes = await readTopic(
      sut.topics.identityVerified,
      dossiers.filter((d) => d.applicant.type === 1).length,
    );
    expect(outcomes.some((outcome) => JSON.parse(outcome.value.toString()).verified === true)).toBe(true);
    const stats = await sut.populationStats();
    expect(stats.found).toBeGreaterThan(0);
    expect(stats.malformed).toBe(0);
    expect(stats.authFailures).toBe(0);
  });

  it('amends a dossier already at the portal when a verification outcome arrives later, either way', async () => {
    const [dossier] = loadFixtureDossiers('motcua');
    const fresh = freshCopy(dossier.events[0].bytes, 88001);
    const code = dossier.expectedPortal.MaHoSo.replace(/-\d+$/, fresh.serialSuffix);
    await publish(sut.topics.source('motcua'), [{ key: code, value: fresh.bytes }]);
    const before = await eventually(
      () => sut.portal.lookup(code),
      (held) => held !== undefined,
    );
    expect(before?.DSKetNoiCSDL).toBeUndefined();

    const outcome = (verified: boolean, checkedAt: string) => ({
      key: code,
      value: Buffer.from(
        JSON.stringify({
          dossierCode: code,
          sourceEventId: 'fresh-88001',
          verified,
          reason: verified ? null : 'name_mismatch',
          checkedAt,
          method: 'TraCuuThongTinCongDan',
          answeredBy: 'gateway',
          requestId: randomUUID(),
          citizen: verified ? { fullName: 'Nguyễn Thùy Hoa', sex: 'female', birthDate: null } : null,
        }),
      ),
    });
    await publish(sut.topics.identityVerified, [outcome(true, '2026-11-23T01:00:00.000Z')]);
    const linked = await eventually(
      () => sut.portal.lookup(code),
      (held) => held?.DSKetNoiCSDL !== undefined,
    );
    expect(linked?.DSKetNoiCSDL).toEqual([{ MaCSDL: '1' }]);

    // An older outcome arriving late changes nothing; a newer one that does not verify unlinks.
    await publish(sut.topics.identityVerified, [
      outcome(false, '2026-11-22T01:00:00.000Z'),
      outcome(false, '2026-11-24T01:00:00.000Z'),
    ]);
    const unlinked = await eventually(
      () => sut.portal.lookup(code),
      (held) => held?.DSKetNoiCSDL === undefined,
    );
    expect(unlinked?.DSKetNoiCSDL).toBeUndefined();
    expect((await sut.portal.held(code)).creates).toBe(1);
  });
});
