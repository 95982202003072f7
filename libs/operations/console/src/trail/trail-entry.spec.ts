import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '@lienthong/config';
import { DeadLetterHeader, type IncomingRecord } from '@lienthong/kafka';
import { SOURCE_MAPPERS } from '@lienthong/sources';
import { toTrailEntry } from './trail-entry';

const mappers = new Map(SOURCE_MAPPERS.map((mapper) => [mapper.system, mapper]));
const okEvent = readFileSync(join(projectPath('test', 'fixtures', 'motcua', 'ok'), 'normalization.json'));
const canonical = readFileSync(
  join(projectPath('test', 'fixtures', 'motcua', 'ok'), 'normalization.dossier.json'),
);
const code = (JSON.parse(canonical.toString()) as { dossierCode: string }).dossierCode;

function record(overrides: Partial<IncomingRecord>): IncomingRecord {
  return {
    topic: 'src.motcua.dossier-events',
    partition: 1,
    offset: '5',
    key: Buffer.from('not-trusted'),
    value: okEvent,
    headers: {},
    timestamp: String(Date.UTC(2026, 10, 1)),
    ...overrides,
  };
}

const systemOf = (topic: string) => (topic === 'src.motcua.dossier-events' ? 'motcua' : undefined);

describe(toTrailEntry.name, () => {
  it("reads a source event through its system's mapper: the payload's dossier code, not the key", () => {
    const sut = toTrailEntry(record({}), { kind: 'source', stage: 'motcua' }, mappers, systemOf);
    expect(sut).toMatchObject({ kind: 'source', stage: 'motcua', dossierCode: code, sourceSystem: 'motcua' });
    expect(sut.eventId).toMatch(/^motcua\//);
    expect(sut.at.toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it('reads a canonical event as dossier.v1', () => {
    const sut = toTrailEntry(
      record({ topic: 'dossier.v1', value: canonical }),
      { kind: 'canonical', stage: 'hub' },
      mappers,
      systemOf,
    );
    expect(sut).toMatchObject({ dossierCode: code, sequence: expect.any(Number) });
  });

  it('reads a hub dead letter through the mapper of the topic it came from, and an unreadable one by its key', () => {
    const headers = { [DeadLetterHeader.SourceTopic]: 'src.motcua.dossier-events' };
    const readable = toTrailEntry(
      record({ topic: 'dlq.hub.v1', headers }),
      { kind: 'dead_letter', stage: 'hub' },
      mappers,
      systemOf,
    );
    expect(readable.dossierCode).toBe(code);
    const unreadable = toTrailEntry(
      record({ topic: 'dlq.hub.v1', headers, value: Buffer.from('{"hoSo": {') }),
      { kind: 'dead_letter', stage: 'hub' },
      mappers,
      systemOf,
    );
    expect(unreadable).toMatchObject({ dossierCode: 'not-trusted', sourceSystem: 'motcua', eventId: null });
  });
});
