import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { readConfig, sharedPath } from '@lienthong/config';
import { HubHeader, KafkaConnection, kafkaConfigSpec, Topics } from '@lienthong/kafka';
import { AssignerProtocol } from 'kafkajs';
import { eventually } from '../support/wait';
import { publish, readTopic, testKafka, type ReadMessage } from '../support/kafka-client';
import { exited, startHubProcess } from '../support/hub-process';
import { freshCopy, mapWithSource } from '../support/source-fixtures';

jest.setTimeout(240_000);

const DOSSIER = '000.00.12.H26-240815-9002';
const sample = (sequence: number) =>
  readFileSync(sharedPath('fixtures', 'sources', 'motcua', `${DOSSIER}.${sequence}.json`));

/** What a hub wrote, as `sequence` with ` (stale)` where it is marked so, in the topic's order. */
const written = (messages: ReadMessage[]) =>
  messages.map(({ value, headers }) => {
    const { provenance } = JSON.parse(value.toString()) as Provenanced;
    return `${provenance.sequence}${headers[HubHeader.Stale] ? ' (stale)' : ''}`;
  });
interface Provenanced {
  provenance: { sourceEventId: string; sequence: number };
}
const eventIds = (messages: ReadMessage[]) =>
  messages.map(({ value }) => (JSON.parse(value.toString()) as Provenanced).provenance.sourceEventId);

/** The partitions of a topic each member of a stable consumer group holds (none while it rebalances). */
async function sourcePartitionsByMember(groupId: string, topic: string): Promise<number[][]> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const [group] = (await admin.describeGroups([groupId])).groups;
    if (group?.state !== 'Stable') return [];
    return group.members.map(
      ({ memberAssignment }) =>
        AssignerProtocol.MemberAssignment.decode(memberAssignment)?.assignment[topic] ?? [],
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * Hub processes that keep their state on the changelog alone: one restarted (a new process restores
 * it), and two replicas of one group, where a source partition moves from one to the other.
 */
describe('hub processes and their state on the changelog', () => {
  const hubs: ChildProcess[] = [];
  const stop = async (hub: ChildProcess) => {
    hub.kill('SIGTERM');
    await exited(hub);
  };

  /** An isolated set of topics and the environment of the hubs that use them. */
  const isolated = async (partitions: number) => {
    const prefix = `hsp${randomBytes(4).toString('hex')}.`;
    const env = {
      ...process.env,
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_PARTITIONS: String(partitions),
      HUB_HTTP_PORT: '0',
      LOG_LEVEL: 'warn',
    };
    const topics = new Topics(prefix);
    const kafka = new KafkaConnection(readConfig(kafkaConfigSpec, env));
    await kafka.ensureTopics(topics.hubTopics(['motcua', 'hotich', 'gtvt'], ['national-portal']));
    const start = (instance: string) => {
      const hub = startHubProcess({ ...env, HUB_INSTANCE_ID: instance });
      hubs.push(hub);
      return hub;
    };
    return { topics, kafka, start };
  };

  afterAll(async () => {
    await Promise.all(hubs.map((hub) => stop(hub)));
  });

  it('drops a re-sent duplicate and marks an old sequence stale after a restart', async () => {
    const { topics, kafka, start } = await isolated(3);
    const source = topics.source('motcua');
    const first = start('restart');
    await publish(
      source,
      [1, 2, 3].map((sequence) => ({ key: DOSSIER, value: sample(sequence) })),
    );
    expect(written(await readTopic(topics.dossier, 3))).toEqual(['1', '2', '3']);
    await stop(first);

    start('restart');
    const lateFirst = JSON.parse(sample(1).toString());
    lateFirst.eventId = 'a-late-copy-of-the-first-event';
    // Event 4 after them on the same partition: once it is written, the two before it were handled.
    await publish(source, [
      { key: DOSSIER, value: sample(2) },
      { key: DOSSIER, value: JSON.stringify(lateFirst) },
      { key: DOSSIER, value: sample(4) },
    ]);
    const canonical = await readTopic(topics.dossier, (read) => written(read).includes('4'));
    expect(written(canonical)).toEqual(['1', '2', '3', '1 (stale)', '4']);
    expect(written(canonical.filter(({ headers }) => headers[HubHeader.Routes]))).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    await kafka.close();
  });

  it('drops a duplicate on a partition that moved to the other replica', async () => {
    const partitions = 6;
    const { topics, kafka, start } = await isolated(partitions);
    const source = topics.source('motcua');
    const group = topics.group('lienthong.hub');
    const first = start('replica-a');
    start('replica-b');
    // Both replicas hold half of the source partitions before anything is sent.
    const halves = await eventually(
      () => sourcePartitionsByMember(group, source),
      (held) => held.length === 2 && held.every((half) => half.length === partitions / 2),
    );
    expect(halves.map((half) => half.length)).toEqual([partitions / 2, partitions / 2]);

    // One new dossier per partition: each replica applies the events of its half.
    const events = Array.from({ length: partitions }, (_, partition) => ({
      partition,
      value: freshCopy(sample(1), 71000 + partition).bytes,
    }));
    await publish(
      source,
      events.map(({ partition, value }) => ({ partition, key: null, value })),
    );
    expect(await readTopic(topics.dossier, partitions)).toHaveLength(partitions);

    // The first replica stops: its partitions move to the second, where the same events come again,
    // then one new dossier per partition, whose routing says the partition was handled.
    await stop(first);
    expect(
      await eventually(
        () => kafka.groupMembers(group),
        (members) => members === 1,
      ),
    ).toBe(1);
    const after = Array.from({ length: partitions }, (_, partition) => ({
      partition,
      value: freshCopy(sample(1), 72000 + partition).bytes,
    }));
    await publish(
      source,
      [...events, ...after].map(({ partition, value }) => ({ partition, key: null, value })),
    );

    const idsOf = (values: Buffer[]) =>
      values.map((value) => (JSON.parse(value.toString()) as Provenanced).provenance.sourceEventId);
    const sourceIds = (sent: { value: Buffer }[]) =>
      sent.map(({ value }) => mapWithSource('motcua', value).provenance.sourceEventId);
    const expected = sourceIds([...events, ...after]).sort();
    // Once every new dossier is written, everything before them on their partitions was handled: read
    // dossier.v1 whole then, and find every event once.
    await readTopic(topics.dossier, (read) => sourceIds(after).every((id) => eventIds(read).includes(id)));
    const values: Buffer[] = [];
    await kafka.readToEnd(
      topics.dossier,
      topics.group(`reader-${randomBytes(4).toString('hex')}`),
      ({ value }) => {
        values.push(value!);
      },
    );
    expect(idsOf(values).sort()).toEqual(expected);
    await kafka.close();
  });
});
