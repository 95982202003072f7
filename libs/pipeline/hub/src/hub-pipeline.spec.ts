import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sharedPath } from '@lienthong/config';
import { DeadLetterHeader, HubHeader, Topics, type IncomingRecord } from '@lienthong/kafka';
import { ApplicantSeal, maskWords } from '@lienthong/personal-data';
import type { DossierEvent } from '@lienthong/schemas';
import { mapSourceEvent, SOURCE_MAPPERS } from '@lienthong/sources';
import { DossierPrivacy } from './dossier-privacy';
import { HubPipeline } from './hub-pipeline';
import { decodeDossierState, HubStateStore } from './hub-state';

const topics = new Topics('');
const keys = {
  PERSONAL_DATA_IDENTITY_KEY: randomBytes(32).toString('base64'),
  PERSONAL_DATA_CONTACT_KEY: randomBytes(32).toString('base64'),
};
const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const privacy = () =>
  new DossierPrivacy({ of: (...parts) => hash(parts.join()) }, ApplicantSeal.sealing(keys));
const motcua = SOURCE_MAPPERS.find(({ system }) => system === 'motcua')!;
/** The event as the hub maps it, the applicant in clear: what the portal's route copy carried. */
const mapped = (value: Buffer): DossierEvent => {
  const result = mapSourceEvent(motcua, value);
  if (!result.ok) throw new Error(result.rejection.message);
  return result.dossier;
};
const sample = (file: string) => readFileSync(sharedPath('fixtures', 'sources', 'motcua', file));
const record = (value: Buffer, offset: number): IncomingRecord => ({
  topic: topics.source('motcua'),
  partition: 0,
  offset: String(offset),
  key: null,
  value,
  headers: {},
  timestamp: '0',
});

/** The state in memory alone, no changelog behind it: this spec is about the pipeline's decisions. */
const stateOf = (store: HubStateStore) => ({ caughtUp: async () => store });

/** A batch through the pipeline, its transaction taken as committed unless told otherwise. */
async function transform(
  sut: HubPipeline,
  records: IncomingRecord[],
  outcome: 'committed' | 'aborted' = 'committed',
) {
  const output = await sut.transform(records);
  if (outcome === 'committed') output.committed?.();
  else output.aborted?.();
  return output;
}

describe(HubPipeline.name, () => {
  let store: HubStateStore;
  let sut: HubPipeline;

  beforeEach(() => {
    store = new HubStateStore(topics.hubState);
    sut = new HubPipeline(
      topics,
      SOURCE_MAPPERS,
      () => ['national-portal', 'documents'],
      stateOf(store),
      privacy(),
    );
  });

  it('writes one dossier.v1 record per event, keyed by the payload, naming its routes in a header, and its state', async () => {
    const { records } = await transform(sut, [record(sample('000.00.12.H26-240815-9002.1.json'), 0)]);
    expect(records.map(({ topic, key }) => ({ topic, key }))).toEqual([
      { topic: 'dossier.v1', key: '000.00.12.H26-240815-9002' },
      { topic: 'hub.state.v1', key: '000.00.12.H26-240815-9002' },
    ]);
    // Only what consumers read: the time is in the payload, the subject is the key.
    expect(Object.keys(records[0].headers).sort()).toEqual(
      ['ce_id', 'ce_source', 'ce_specversion', 'ce_type', HubHeader.Routes, 'traceparent'].sort(),
    );
    expect(records[0].headers).toMatchObject({
      ce_type: 'vn.lienthong.dossier.v1',
      ce_specversion: '1.0',
      [HubHeader.Routes]: 'national-portal,documents',
    });
  });

  it('seals the applicant so that each profile opens what its route copy carried, and no more', async () => {
    const value = sample('000.00.12.H26-240815-9002.1.json');
    const [{ value: written }] = (await transform(sut, [record(value, 0)])).records;
    const canonical = JSON.parse(String(written)) as DossierEvent;
    const opened = (profile: 'clear' | 'identity' | 'pseudonym') =>
      ApplicantSeal.opening(profile, keys).open(canonical);

    const dossier = mapped(value);
    const clear = dossier.applicant;
    expect(clear.identity?.number).toMatch(/^\d{12}$/);
    expect(opened('clear')).toEqual(dossier);
    const withoutContact = { phone: null, email: null, code: null, vneidVerified: clear.vneidVerified };
    const population = opened('identity');
    expect(population.applicant).toEqual({
      type: clear.type,
      name: clear.name,
      identity: clear.identity,
      birthDate: clear.birthDate ?? null,
      ...withoutContact,
    });
    const documents = opened('pseudonym');
    expect(documents.applicant).toEqual({
      type: clear.type,
      name: `pseudonym:${hash(clear.identity!.number)}`,
      identity: null,
      birthDate: null,
      ...withoutContact,
    });
    const { sealed, ...open } = canonical;
    expect(sealed).toEqual({ identity: expect.any(String), contact: expect.any(String) });
    expect(open.applicant).toEqual({ ...documents.applicant, masked: maskWords(clear.name) });
    for (const routed of [open, population, documents]) {
      expect(routed.summary).toBeNull();
      expect({ ...routed, applicant: clear, summary: dossier.summary }).toEqual(dossier);
    }
  });

  it("writes dossier.v1 without the applicant's clear ID, name, birth date, phone or e-mail, stale events too", async () => {
    // The first event again, late, with an e-mail (the sample has none): stale, still on dossier.v1.
    const first = JSON.parse(String(sample('000.00.12.H26-240815-9002.1.json')));
    const chuHoSo = { ...first.hoSo.chuHoSo, email: 'nguyen.thuy.hoa@example.vn' } as Record<string, string>;
    const late = Buffer.from(JSON.stringify({ ...first, hoSo: { ...first.hoSo, chuHoSo } }));
    const { records } = await transform(sut, [
      record(sample('000.00.12.H26-240815-9002.2.json'), 0),
      record(late, 1),
    ]);

    const canonical = records.filter(({ topic }) => topic === topics.dossier);
    expect(canonical.map(({ headers }) => headers[HubHeader.Stale] ?? 'no')).toEqual(['no', 'true']);
    const personal = ['hoTen', 'soDinhDanh', 'ngaySinh', 'dienThoai', 'email'].map((field) => chuHoSo[field]);
    for (const { value } of canonical) {
      expect(JSON.parse(String(value)).applicant.masked).toBe(maskWords(chuHoSo.hoTen));
      for (const clear of personal) expect(String(value)).not.toContain(clear);
    }
  });

  it('drops a duplicate and keeps a stale event unrouted, within one batch and across batches', async () => {
    const first = sample('000.00.12.H26-240815-9002.1.json');
    const second = sample('000.00.12.H26-240815-9002.2.json');
    const batch = await transform(sut, [record(second, 0), record(second, 1), record(first, 2)]);
    expect(
      batch.records.map(
        ({ topic, headers }) =>
          `${topic}${headers[HubHeader.Stale] ? ' (stale)' : ''} to ${headers[HubHeader.Routes] ?? 'nobody'}`,
      ),
    ).toEqual([
      'dossier.v1 to national-portal,documents',
      'dossier.v1 (stale) to nobody',
      'hub.state.v1 to nobody',
    ]);
    // One state record per dossier, with both applied events (the stale one too) and the latest sequence.
    const state = decodeDossierState(batch.records.at(-1)!.value as Buffer);
    expect(state).toMatchObject({ lastSequence: 2 });
    expect(state.events).toHaveLength(2);

    const later = await transform(sut, [record(second, 3), record(first, 4)]);
    expect(later.records).toEqual([]);
  });

  it('decides a batch again from the same state when its transaction aborted', async () => {
    const second = sample('000.00.12.H26-240815-9002.2.json');
    const routes = ['dossier.v1', 'hub.state.v1'];
    const topicsOf = (output: { records: { topic: string }[] }) => output.records.map(({ topic }) => topic);
    expect(topicsOf(await transform(sut, [record(second, 0)], 'aborted'))).toEqual(routes);
    expect(store.size).toBe(0);
    expect(topicsOf(await transform(sut, [record(second, 0)]))).toEqual(routes);
    expect(store.get('000.00.12.H26-240815-9002')).toMatchObject({ lastSequence: 2 });
    expect(topicsOf(await transform(sut, [record(second, 1)]))).toEqual([]);
  });

  it('lets a second batch of the same dossier wait until the first has committed', async () => {
    const first = await sut.transform([record(sample('000.00.12.H26-240815-9002.2.json'), 0)]);
    let secondDone = false;
    const second = sut.transform([record(sample('000.00.12.H26-240815-9002.1.json'), 1)]).then((output) => {
      secondDone = true;
      return output;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(secondDone).toBe(false);
    first.committed!();
    const { records } = await second;
    expect(records.map(({ headers }) => headers[HubHeader.Stale] ?? 'no')).toEqual(['true', 'no']);
  });

  it('dead-letters what it cannot map and remembers nothing of it', async () => {
    const { records } = await transform(sut, [record(Buffer.from('not json'), 7)]);
    expect(records).toHaveLength(1);
    expect(records[0].headers).toMatchObject({
      [DeadLetterHeader.Reason]: 'UNPARSEABLE',
      [DeadLetterHeader.SourceOffset]: '7',
    });
    expect(store.size).toBe(0);
  });
});
