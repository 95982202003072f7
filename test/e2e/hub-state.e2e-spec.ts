import { readFileSync } from 'node:fs';
import { readConfig, sharedPath } from '@lienthong/config';
import { DossierPrivacy, HubPipeline, HubStateSync } from '@lienthong/hub';
import { ApplicantSeal, Pseudonymizer, sealKeysSpec } from '@lienthong/personal-data';
import {
  HubHeader,
  KafkaConnection,
  kafkaConfigSpec,
  type BatchOutput,
  type IncomingRecord,
} from '@lienthong/kafka';
import { SOURCE_MAPPERS } from '@lienthong/sources';
import { readTopic } from '../support/kafka-client';
import { IsolatedRun } from '../support/isolated-run';

jest.setTimeout(90_000);

const DAY_MS = 24 * 3600 * 1000;
const sample = (code: string, sequence: number) =>
  readFileSync(sharedPath('fixtures', 'sources', 'motcua', `${code}.${sequence}.json`));
const DOSSIER = '000.00.12.H26-240815-9002';
const OTHER = '000.00.15.H26-240826-9001';

/**
 * The hub's state on the real broker: written with each batch's outputs in a Kafka transaction, read
 * back whole by a hub that starts (a new process), followed by the other replicas, and forgotten after
 * the retention window with tombstones.
 */
describe('hub state on its changelog', () => {
  const run = new IsolatedRun();
  let kafka: KafkaConnection;
  const syncs: HubStateSync[] = [];
  let offset = 0;
  const record = (value: Buffer): IncomingRecord => ({
    topic: run.topics.source('motcua'),
    partition: 0,
    offset: String(offset++),
    key: null,
    value,
    headers: {},
    timestamp: '0',
  });

  /** A hub's state as a newly started process has it, its clock `daysAhead` days from now. */
  const startHub = async (daysAhead = 0) => {
    const sync = new HubStateSync(
      kafka,
      run.topics,
      { instanceId: 'e2e', retentionDays: 180 },
      () => Date.now() + daysAhead * DAY_MS,
    );
    syncs.push(sync);
    await sync.start();
    const pipeline = new HubPipeline(
      run.topics,
      SOURCE_MAPPERS,
      () => ['national-portal'],
      sync,
      new DossierPrivacy(
        new Pseudonymizer('e2e-pseudonym-key'),
        ApplicantSeal.sealing(readConfig(sealKeysSpec, {})),
      ),
    );
    return { sync, pipeline };
  };

  /** What the batch writes, as topics (stale marked); its transaction committed or aborted as the processor would. */
  const outcome = async (
    pipeline: HubPipeline,
    batch: IncomingRecord[],
    transaction: 'commit' | 'abort' = 'commit',
  ) => {
    const output = await pipeline.transform(batch);
    await write(output, transaction);
    return output.records.map(
      ({ topic, headers }) =>
        `${topic.slice(run.prefix.length)}${headers[HubHeader.Stale] ? ' (stale)' : ''}${
          topic === run.topics.dossier ? ` to ${headers[HubHeader.Routes] ?? 'nobody'}` : ''
        }`,
    );
  };

  let transactions = 0;
  const write = async (output: BatchOutput, transaction: 'commit' | 'abort') => {
    const producer = await kafka.producer({ transactionalId: `${run.prefix}e2e-${transactions++}` });
    try {
      const open = await producer.transaction();
      await open.send({
        topic: run.topics.hubState,
        messages: output.records
          .filter(({ topic }) => topic === run.topics.hubState)
          .map(({ key, value }) => ({ key, value })),
      });
      if (transaction === 'commit') {
        await open.commit();
        output.committed?.();
      } else {
        await open.abort();
        output.aborted?.();
      }
    } finally {
      await producer.disconnect();
    }
  };

  beforeAll(async () => {
    kafka = new KafkaConnection(readConfig(kafkaConfigSpec, run.env()));
    await kafka.ensureTopics(run.topics.hubTopics(['motcua'], ['national-portal']));
  });

  afterAll(async () => {
    for (const sync of syncs) await sync.stop();
    await kafka?.close();
    await run.close();
  });

  it('restores in a new process what committed batches applied, and nothing of an aborted one', async () => {
    const first = await startHub();
    expect(await outcome(first.pipeline, [record(sample(DOSSIER, 2)), record(sample(DOSSIER, 3))])).toEqual([
      'dossier.v1 to national-portal',
      'dossier.v1 to national-portal',
      'hub.state.v1',
    ]);
    const aborted = [record(sample(DOSSIER, 4))];
    const routed = ['dossier.v1 to national-portal', 'hub.state.v1'];
    expect(await outcome(first.pipeline, aborted, 'abort')).toEqual(routed);
    // Kafka hands the aborted batch back: decided from the same state as before.
    expect(await outcome(first.pipeline, aborted, 'abort')).toEqual(routed);

    // The process died after that: a new one reads the changelog. Event 3 comes again, event 1 late,
    // and the aborted event 4 is new to it.
    const restarted = await startHub();
    expect(
      await outcome(restarted.pipeline, [
        record(sample(DOSSIER, 3)),
        record(sample(DOSSIER, 1)),
        record(sample(DOSSIER, 4)),
      ]),
    ).toEqual(['dossier.v1 (stale) to nobody', 'dossier.v1 to national-portal', 'hub.state.v1']);
    expect(restarted.sync.store.get(DOSSIER)).toMatchObject({ lastSequence: 4 });
    expect(restarted.sync.store.get(DOSSIER)!.events).toHaveLength(4);
  });

  it('has what another replica committed before its partitions are handed over', async () => {
    const stayed = await startHub();
    await stayed.sync.caughtUp();
    const other = await startHub();
    expect(await outcome(other.pipeline, [record(sample(DOSSIER, 5))])).toEqual([
      'dossier.v1 to national-portal',
      'hub.state.v1',
    ]);
    // The group hands the partition over: the first batch after it waits for the changelog's end then.
    stayed.sync.onGroupJoin();
    expect(await outcome(stayed.pipeline, [record(sample(DOSSIER, 5))])).toEqual([]);
  });

  it('forgets with tombstones the dossiers untouched for the retention window, and keeps the others', async () => {
    // 181 days on, a replica applies another dossier's event and runs the hourly retention.
    const later = await startHub(181);
    await outcome(later.pipeline, [record(sample(OTHER, 1))]);
    expect(await later.sync.forgetExpired()).toBe(1);
    expect(later.sync.store.get(DOSSIER)).toBeUndefined();
    const tombstones = await readTopic(run.topics.hubState, (read) =>
      read.some((message) => message.key === DOSSIER && message.value.length === 0),
    );
    expect(tombstones.filter((message) => message.value.length === 0).map(({ key }) => key)).toEqual([
      DOSSIER,
    ]);

    // A hub started afterwards no longer knows the forgotten dossier, and still knows the other one.
    const restarted = await startHub(181);
    expect(await outcome(restarted.pipeline, [record(sample(OTHER, 1))])).toEqual([]);
    expect(await outcome(restarted.pipeline, [record(sample(DOSSIER, 5))])).toEqual([
      'dossier.v1 to national-portal',
      'hub.state.v1',
    ]);
  });
});
