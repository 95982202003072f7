import type { Database } from '@lienthong/database';
import { DeadLetterHeader, Topics, type IncomingRecord, type KafkaConnection } from '@lienthong/kafka';
import { metricsRegistry } from '@lienthong/observability';
import { topicPlaces } from './topic-map';
import { TrailIndexer } from './trail-indexer';

const topics = new Topics('t.');
const DLQ = topics.deadLetter('national-portal');

function deadLetter(offset: string, overrides: Partial<IncomingRecord> = {}): IncomingRecord {
  return {
    topic: DLQ,
    partition: 0,
    offset,
    key: Buffer.from(`H26-${offset}`),
    value: Buffer.from('{}'),
    headers: { [DeadLetterHeader.Reason]: 'RETRIES_EXHAUSTED_X', [DeadLetterHeader.SourceOffset]: '9' },
    timestamp: String(Date.UTC(2026, 10, 1)),
    ...overrides,
  };
}

/** PostgreSQL as the indexer meets it: a statement holding a message at fault fails whole. */
class FakeDatabase {
  readonly written: unknown[][] = [];
  failure?: { code?: string; offsets: string[]; table: string };

  async query(sql: string, params: unknown[]): Promise<never[]> {
    const offsets = (params[2] as string[]).map(String);
    const failure = this.failure;
    if (
      failure &&
      sql.includes(`INTO ${failure.table}`) &&
      failure.offsets.some((offset) => offsets.includes(offset))
    ) {
      throw Object.assign(new Error('failed'), { code: failure.code });
    }
    if (sql.includes('INTO dead_letters')) this.written.push(params);
    return [];
  }
}

async function skippedCount(): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('lienthong_console_index_skipped_total')?.get();
  return metric?.values.reduce((sum, { value }) => sum + value, 0) ?? 0;
}

function build(database: FakeDatabase) {
  return new TrailIndexer(
    {} as KafkaConnection,
    database as unknown as Database,
    topics,
    topicPlaces(topics, ['motcua'], ['national-portal'], 1),
    [],
    [],
  );
}

describe(TrailIndexer.name, () => {
  it('stores a NUL in a key or header readably, and keeps the exact bytes beside it', async () => {
    const database = new FakeDatabase();
    const sut = build(database);
    const key = Buffer.from('H26\u0000bad');
    await sut.index([
      deadLetter('1', { key, headers: { [DeadLetterHeader.Reason]: 'X', note: 'a\u0000b' } }),
    ]);
    const [params] = database.written;
    expect(params[11]).toEqual(['H26\\u0000bad']);
    expect(JSON.parse((params[13] as string[])[0])).toMatchObject({ note: 'a\\u0000b' });
    expect(params[15]).toEqual([key]);
    expect(JSON.parse((params[16] as Buffer[])[0].toString())).toMatchObject({ note: 'a\u0000b' });
  });

  it('keeps a header that should be a number but is not as no number', async () => {
    const database = new FakeDatabase();
    const sut = build(database);
    await sut.index([
      deadLetter('1', {
        headers: { [DeadLetterHeader.SourcePartition]: '1e99', [DeadLetterHeader.SourceOffset]: '-1' },
      }),
    ]);
    expect([database.written[0][8], database.written[0][9]]).toEqual([[null], [null]]);
  });

  it('skips what the database refuses of a message, counted, and indexes the rest of its batch', async () => {
    const database = new FakeDatabase();
    database.failure = { code: '22003', offsets: ['2'], table: 'dossier_trail' };
    const sut = build(database);
    const before = await skippedCount();
    await sut.index([deadLetter('1'), deadLetter('2'), deadLetter('3')]);
    expect(database.written.map((params) => params[2])).toEqual([['1'], ['2'], ['3']]);
    expect((await skippedCount()) - before).toBe(1);

    database.failure = { code: '54000', offsets: ['5'], table: 'dead_letters' };
    await sut.index([deadLetter('4'), deadLetter('5')]);
    expect(database.written.map((params) => params[2]).slice(3)).toEqual([['4']]);
    expect((await skippedCount()) - before).toBe(2);
  });

  it('fails the batch, for a retry, when the database itself fails', async () => {
    const database = new FakeDatabase();
    database.failure = { code: '57P01', offsets: ['1'], table: 'dossier_trail' };
    const sut = build(database);
    await expect(sut.index([deadLetter('1')])).rejects.toThrow('failed');
    database.failure = { offsets: ['1'], table: 'dossier_trail' };
    await expect(sut.index([deadLetter('1')])).rejects.toThrow('failed');
  });
});
