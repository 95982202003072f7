import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { projectPath } from '@lienthong/config';
import { HubHeader, Topics, type IncomingRecord } from '@lienthong/kafka';
import { metricsRegistry } from '@lienthong/observability';
import { ApplicantSeal } from '@lienthong/personal-data';
import type { DossierEvent } from '@lienthong/schemas';
import { parseBatch } from './dossier-record';
import { PermanentError } from './errors';
import { routedDossierEvents } from './intake';

const keys = {
  PERSONAL_DATA_IDENTITY_KEY: randomBytes(32).toString('base64'),
  PERSONAL_DATA_CONTACT_KEY: randomBytes(32).toString('base64'),
};
const topics = new Topics('t.');

const dossier = (): DossierEvent =>
  JSON.parse(
    readFileSync(projectPath('test', 'fixtures', 'motcua', 'ok', 'normalization.dossier.json'), 'utf8'),
  ) as DossierEvent;

/** The event as dossier.v1 carries it: nothing personal in the open, the applicant sealed. */
const sealedForm = (event: DossierEvent): DossierEvent => ({
  ...event,
  summary: null,
  applicant: {
    ...event.applicant,
    name: 'pseudonym:ab12',
    identity: null,
    birthDate: null,
    masked: 'N** H**',
  },
  sealed: ApplicantSeal.sealing(keys).seal(event),
});

const recordOf = (
  value: string,
  topic = 't.route.national-portal.v1',
  headers: Record<string, string> = {},
): IncomingRecord => ({
  topic,
  partition: 0,
  offset: '1',
  key: null,
  value: Buffer.from(value),
  headers,
  timestamp: '0',
});

describe('routedDossierEvents', () => {
  const sut = routedDossierEvents('clear', keys);

  it("reads a dossier event from the connector's route topic as it is, its dossier its subject", () => {
    const event = dossier();

    const item = sut.read(recordOf(JSON.stringify(event)));

    expect(item).toEqual(event);
    expect(sut.keyOf(item)).toEqual({
      subject: event.dossierCode,
      dossierCode: event.dossierCode,
      sourceSystem: event.provenance.sourceSystem,
      sourceEventId: event.provenance.sourceEventId,
      sequence: event.provenance.sequence,
      status: event.status,
    });
    expect(sut.inputs(topics, 'national-portal').map(({ name }) => name)).toEqual([
      't.dossier.v1',
      't.route.national-portal.v1',
    ]);
  });

  it('opens the sealed applicant of a dossier.v1 event as far as its profile allows', () => {
    const event = dossier();
    const record = recordOf(JSON.stringify(sealedForm(event)), 't.dossier.v1');

    expect(sut.read(record)).toEqual(event);
    const population = routedDossierEvents('identity', {
      PERSONAL_DATA_IDENTITY_KEY: keys.PERSONAL_DATA_IDENTITY_KEY,
    }).read(record);
    expect(population.applicant).toMatchObject({
      name: event.applicant.name,
      identity: event.applicant.identity,
    });
    expect(population.summary).toBeNull();
  });

  it('takes from dossier.v1 only the events routed to the connector, never a stale one', () => {
    const on = (headers: Record<string, string>) => recordOf('{}', 't.dossier.v1', headers);
    const isFor = (record: IncomingRecord) => sut.isFor!(record, topics, 'population');

    expect(isFor(on({ [HubHeader.Routes]: 'national-portal,population' }))).toBe(true);
    expect(isFor(on({ [HubHeader.Routes]: 'national-portal,documents' }))).toBe(false);
    expect(isFor(on({ [HubHeader.Routes]: 'population-audit' }))).toBe(false);
    expect(isFor(on({}))).toBe(false);
    expect(isFor(on({ [HubHeader.Stale]: 'true', [HubHeader.Routes]: 'population' }))).toBe(false);
    // Its route and retry topics carry only its own events: replays, hand-sent ones, parked ones.
    expect(isFor(recordOf('{}', 't.route.population.v1'))).toBe(true);
    expect(isFor(recordOf('{}', 't.retry.population.1'))).toBe(true);
  });

  it('skips what is not for the connector: neither an item nor a dead letter', () => {
    const routed = { [HubHeader.Routes]: 'population' };
    const records = [
      recordOf(JSON.stringify(sealedForm(dossier())), 't.dossier.v1', routed),
      recordOf('not for it, not even JSON', 't.dossier.v1', { [HubHeader.Routes]: 'documents' }),
      recordOf('{"dossierCode": ', 't.dossier.v1', routed),
    ];
    const population = routedDossierEvents('identity', keys);

    const { events, invalid } = parseBatch(records, population, (record) =>
      population.isFor!(record, topics, 'population'),
    );

    expect(events.map(({ record }) => record)).toEqual([records[0]]);
    expect(invalid.map(({ record }) => record)).toEqual([records[2]]);
  });

  it.each([
    ['bytes that are not JSON', '{"dossierCode": '],
    ['JSON that is no dossier.v1 event', JSON.stringify({ dossierCode: 'x' })],
  ])('refuses %s as INVALID_DOSSIER_EVENT', (_, value) => {
    expect(() => sut.read(recordOf(value))).toThrow(PermanentError);
    expect(() => sut.read(recordOf(value))).toThrow(
      expect.objectContaining({ code: 'INVALID_DOSSIER_EVENT' }),
    );
  });

  it('refuses a tampered sealed part as SEALED_PART_REFUSED, saying which part and key', () => {
    const sealed = sealedForm(dossier());
    const bytes = Buffer.from(sealed.sealed!.identity, 'base64');
    bytes[20] ^= 0x40;
    const tampered = { ...sealed, sealed: { ...sealed.sealed!, identity: bytes.toString('base64') } };

    const read = () => sut.read(recordOf(JSON.stringify(tampered), 't.dossier.v1'));

    expect(read).toThrow(PermanentError);
    expect(read).toThrow(
      expect.objectContaining({
        code: 'SEALED_PART_REFUSED',
        message: expect.stringContaining('identity part does not open with PERSONAL_DATA_IDENTITY_KEY'),
      }),
    );
  });

  it('opens a record sealed before a key rotation with the previous key, and counts it for operators', async () => {
    const event = dossier();
    const record = recordOf(JSON.stringify(sealedForm(event)), 't.dossier.v1');
    const rotated = routedDossierEvents('identity', {
      PERSONAL_DATA_IDENTITY_KEY: randomBytes(32).toString('base64'),
      PERSONAL_DATA_IDENTITY_KEY_PREVIOUS: keys.PERSONAL_DATA_IDENTITY_KEY,
    });
    const counted = async () => {
      const metric = metricsRegistry.getSingleMetric(
        'lienthong_sealed_parts_opened_with_previous_key_total',
      )!;
      return (await metric.get()).values.find(({ labels }) => labels.part === 'identity')?.value ?? 0;
    };
    const before = await counted();

    expect(rotated.read(record).applicant.identity).toEqual(event.applicant.identity);
    expect(await counted()).toBe(before + 1);
  });
});
