import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sharedPath } from '@lienthong/config';
import { DeadLetterHeader, HubHeader, Topics, type IncomingRecord } from '@lienthong/kafka';
import { ApplicantSeal, maskWords } from '@lienthong/personal-data';
import { eventIdOf, type DossierEvent, type SourceEventRef } from '@lienthong/schemas';
import { mapSourceEvent, SOURCE_MAPPERS } from '@lienthong/sources';
import type { AppliedEvent, DossierMemory } from './dossier-memory';
import { DossierPrivacy } from './dossier-privacy';
import { HubPipeline } from './hub-pipeline';

/**
 * The PostgreSQL memory replaced by a map, every batch taken as committed: this spec is about the
 * pipeline's decisions (test/e2e/hub-state.e2e-spec.ts covers the memory across aborted transactions).
 */
class MemoryInMaps {
  readonly applied = new Set<string>();
  readonly sequences = new Map<string, number>();
  async appliedEvents(keys: SourceEventRef[]) {
    return new Set(keys.map(eventIdOf).filter((key) => this.applied.has(key)));
  }
  async lastSequences(codes: string[]) {
    return new Map(
      codes.filter((code) => this.sequences.has(code)).map((code) => [code, this.sequences.get(code)!]),
    );
  }
  async remember(applied: AppliedEvent[], latest: DossierEvent[]) {
    for (const { dossier } of applied) this.applied.add(eventIdOf(dossier.provenance));
    for (const event of latest) this.sequences.set(event.dossierCode, event.provenance.sequence);
  }
}

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

describe(HubPipeline.name, () => {
  let memory: MemoryInMaps;
  let sut: HubPipeline;

  beforeEach(() => {
    memory = new MemoryInMaps();
    sut = new HubPipeline(
      topics,
      SOURCE_MAPPERS,
      () => ['national-portal', 'documents'],
      memory as unknown as DossierMemory,
      privacy(),
    );
  });

  it('writes one dossier.v1 record per event, keyed by the payload, naming its routes in a header', async () => {
    const { records } = await sut.transform([record(sample('000.00.12.H26-240815-9002.1.json'), 0)]);
    expect(records.map(({ topic, key }) => ({ topic, key }))).toEqual([
      { topic: 'dossier.v1', key: '000.00.12.H26-240815-9002' },
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
    const [{ value: written }] = (await sut.transform([record(value, 0)])).records;
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
    const { records } = await sut.transform([
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
    const batch = await sut.transform([record(second, 0), record(second, 1), record(first, 2)]);
    expect(
      batch.records.map(
        ({ topic, headers }) =>
          `${topic}${headers[HubHeader.Stale] ? ' (stale)' : ''} to ${headers[HubHeader.Routes] ?? 'nobody'}`,
      ),
    ).toEqual(['dossier.v1 to national-portal,documents', 'dossier.v1 (stale) to nobody']);

    const later = await sut.transform([record(second, 3)]);
    expect(later.records).toEqual([]);
  });

  it('dead-letters what it cannot map and remembers nothing of it', async () => {
    const { records } = await sut.transform([record(Buffer.from('not json'), 7)]);
    expect(records).toHaveLength(1);
    expect(records[0].headers).toMatchObject({
      [DeadLetterHeader.Reason]: 'UNPARSEABLE',
      [DeadLetterHeader.SourceOffset]: '7',
    });
    expect(memory.applied.size).toBe(0);
  });
});
