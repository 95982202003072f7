import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sharedPath } from '@lienthong/config';
import { DeadLetterHeader, HubHeader, Topics, type IncomingRecord } from '@lienthong/kafka';
import { maskWords, Pseudonymizer } from '@lienthong/personal-data';
import { eventIdOf, type DossierEvent, type SourceEventRef } from '@lienthong/schemas';
import { SOURCE_MAPPERS } from '@lienthong/sources';
import type { AppliedEvent, DossierMemory } from './dossier-memory';
import { HubPipeline } from './hub-pipeline';
import { RoutePrivacy } from './route-privacy';

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
      RoutePrivacy.parse('', new Pseudonymizer('test-pseudonym-key')),
    );
  });

  it('writes the canonical event and one message per routed connector, keyed by the payload', async () => {
    const { records } = await sut.transform([record(sample('000.00.12.H26-240815-9002.1.json'), 0)]);
    expect(records.map(({ topic, key }) => ({ topic, key }))).toEqual([
      { topic: 'dossier.v1', key: '000.00.12.H26-240815-9002' },
      { topic: 'route.national-portal.v1', key: '000.00.12.H26-240815-9002' },
      { topic: 'route.documents.v1', key: '000.00.12.H26-240815-9002' },
    ]);
    expect(records[0].headers).toMatchObject({ ce_type: 'vn.lienthong.dossier.v1', ce_specversion: '1.0' });
  });

  it('sends each route only the applicant data its connector needs (HUB_ROUTE_PRIVACY)', async () => {
    const hash = (text: string) => createHash('sha256').update(text).digest('hex');
    sut = new HubPipeline(
      topics,
      SOURCE_MAPPERS,
      () => ['national-portal', 'population', 'documents'],
      memory as unknown as DossierMemory,
      RoutePrivacy.parse('population=identity, documents=pseudonym', {
        of: (...parts) => hash(parts.join()),
      }),
    );
    const { records } = await sut.transform([record(sample('000.00.12.H26-240815-9002.1.json'), 0)]);
    const [canonical, portal, population, documents] = records.map(
      ({ value }) => JSON.parse(String(value)) as DossierEvent,
    );
    const clear = portal.applicant;
    expect(clear.identity?.number).toMatch(/^\d{12}$/);
    const withoutContact = { phone: null, email: null, code: null, vneidVerified: clear.vneidVerified };
    expect(population.applicant).toEqual({
      type: clear.type,
      name: clear.name,
      identity: clear.identity,
      birthDate: clear.birthDate ?? null,
      ...withoutContact,
    });
    expect(documents.applicant).toEqual({
      type: clear.type,
      name: `pseudonym:${hash(clear.identity!.number)}`,
      identity: null,
      birthDate: null,
      ...withoutContact,
    });
    expect(canonical.applicant).toEqual({ ...documents.applicant, masked: maskWords(clear.name) });
    for (const routed of [canonical, population, documents]) {
      expect(routed.summary).toBeNull();
      expect({ ...routed, applicant: clear, summary: portal.summary }).toEqual(portal);
    }
    for (const value of [clear.name, clear.identity!.number, clear.phone, clear.email].filter(Boolean)) {
      expect(String(records[3].value)).not.toContain(value);
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

  it('refuses a route privacy setting it cannot read, naming the key', () => {
    expect(() => RoutePrivacy.parse('documents=hidden', { of: () => '' })).toThrow(/HUB_ROUTE_PRIVACY/);
    expect(() => RoutePrivacy.parse('documents', { of: () => '' })).toThrow(/HUB_ROUTE_PRIVACY/);
  });

  it('drops a duplicate and keeps a stale event unrouted, within one batch and across batches', async () => {
    const first = sample('000.00.12.H26-240815-9002.1.json');
    const second = sample('000.00.12.H26-240815-9002.2.json');
    const batch = await sut.transform([record(second, 0), record(second, 1), record(first, 2)]);
    expect(
      batch.records.map(({ topic, headers }) => `${topic}${headers[HubHeader.Stale] ? ' (stale)' : ''}`),
    ).toEqual(['dossier.v1', 'route.national-portal.v1', 'route.documents.v1', 'dossier.v1 (stale)']);

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
