import { readFileSync } from 'node:fs';
import { readConfig, sharedPath } from '@lienthong/config';
import { Database, databaseConfigSpec, Retention } from '@lienthong/database';
import { DossierMemory, DossierPrivacy, HubPipeline } from '@lienthong/hub';
import { ApplicantSeal, Pseudonymizer, sealKeysSpec } from '@lienthong/personal-data';
import { HubHeader, type IncomingRecord } from '@lienthong/kafka';
import { SOURCE_MAPPERS } from '@lienthong/sources';
import { IsolatedRun } from '../support/isolated-run';

jest.setTimeout(60_000);

const sample = (sequence: number) =>
  readFileSync(sharedPath('fixtures', 'sources', 'motcua', `000.00.12.H26-240815-9002.${sequence}.json`));

/**
 * The hub's memory on the real PostgreSQL, against the two ends of its Kafka transaction: a crash right
 * after the commit (nothing runs after it) and a transaction that aborted (its batch comes again).
 */
describe('hub state around the Kafka transaction', () => {
  const run = new IsolatedRun();
  let database: Database;
  let sut: HubPipeline;
  const record = (value: Buffer, offset: number): IncomingRecord => ({
    topic: run.topics.source('motcua'),
    partition: 0,
    offset: String(offset),
    key: null,
    value,
    headers: {},
    timestamp: '0',
  });
  const outcome = async (batch: IncomingRecord[]) =>
    (await sut.transform(batch)).records.map(
      ({ topic, headers }) =>
        `${topic.slice(run.prefix.length)}${headers[HubHeader.Stale] ? ' (stale)' : ''} to ${headers[HubHeader.Routes] ?? 'nobody'}`,
    );

  beforeAll(async () => {
    database = new Database(readConfig(databaseConfigSpec, run.env()));
    await database.migrate();
    sut = new HubPipeline(
      run.topics,
      SOURCE_MAPPERS,
      () => ['national-portal'],
      new DossierMemory(database),
      new DossierPrivacy(
        new Pseudonymizer('e2e-pseudonym-key'),
        ApplicantSeal.sealing(readConfig(sealKeysSpec, {})),
      ),
    );
  });

  afterAll(async () => {
    await database?.close();
    await run.close();
  });

  it('remembers what a committed batch routed even if the process dies right after the commit', async () => {
    expect(await outcome([record(sample(2), 0), record(sample(3), 1)])).toEqual([
      'dossier.v1 to national-portal',
      'dossier.v1 to national-portal',
    ]);
    // The process died after the commit: nothing ran after it. The source re-sends event 2, and event 1
    // arrives late: neither may be routed.
    expect(await outcome([record(sample(2), 2), record(sample(1), 3)])).toEqual([
      'dossier.v1 (stale) to nobody',
    ]);
  });

  it('routes a batch again when its transaction aborted, as if the attempt never happened', async () => {
    const batch = [record(sample(4), 4), record(sample(5), 5)];
    const routed = ['dossier.v1 to national-portal', 'dossier.v1 to national-portal'];
    expect(await outcome(batch)).toEqual(routed);
    // The transaction aborted: Kafka hands the same records back from the committed offset.
    expect(await outcome(batch)).toEqual(routed);
    // Committed this time; the next batch starts after it, and the same events are now duplicates.
    expect(await outcome([record(sample(5), 6)])).toEqual([]);
  });

  it('prunes what is older than the retention window and keeps what is still needed', async () => {
    await database.query(
      `UPDATE hub_applied_events SET applied_at = now() - interval '200 days'
       WHERE source_event_id IN (SELECT source_event_id FROM hub_applied_events ORDER BY src_offset LIMIT 2)`,
    );
    const before = await database.query<{ n: string }>('SELECT count(*) AS n FROM hub_applied_events');
    const deleted = await new Retention(database, [
      { table: 'hub_applied_events', column: 'applied_at', days: 180 },
    ]).prune();
    expect(deleted).toEqual({ hub_applied_events: 2 });
    const after = await database.query<{ n: string }>('SELECT count(*) AS n FROM hub_applied_events');
    expect(Number(after[0].n)).toBe(Number(before[0].n) - 2);
    // Events within the window are still known: sent again, they change nothing.
    expect(await outcome([record(sample(5), 7)])).toEqual([]);
  });
});
