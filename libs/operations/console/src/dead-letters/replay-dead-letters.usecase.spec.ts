import { Topics, type KafkaConnection, type OutgoingRecord } from '@lienthong/kafka';
import { ServiceUnavailableException } from '@nestjs/common';
import { Flow } from '../flow';
import type { DeadLetterIndex } from './dead-letter-index';
import type { ClaimedLetter, ReplayCandidate, ReplayClaims } from './replay-claims';
import { ReplayDeadLetters } from './replay-dead-letters.usecase';

const topics = new Topics('t.');
const flow = new Flow(topics, ['motcua'], ['national-portal'], 1, 't.hub');

/** `dead_letters` as the claims see it: a row is claimed by one replay, then replayed or released. */
class FakeClaims {
  readonly rows = new Map<
    number,
    { stage: string; sourceTopic: string; claimedBy?: string; replayed?: boolean }
  >();

  async candidates(ids: number[]): Promise<ReplayCandidate[]> {
    return ids.flatMap((id) => {
      const row = this.rows.get(id);
      return row ? [{ id, stage: row.stage, sourceTopic: row.sourceTopic, replayed: !!row.replayed }] : [];
    });
  }

  async claim(ids: number[], replayId: string): Promise<ClaimedLetter[]> {
    return ids.flatMap((id) => {
      const row = this.rows.get(id)!;
      if (row.claimedBy) return [];
      row.claimedBy = replayId;
      return [
        {
          id,
          stage: row.stage,
          reason: 'X',
          message: '',
          topic: topics.deadLetter(row.stage),
          partition: 0,
          offset: String(id),
          failedAt: new Date(0).toISOString(),
          key: Buffer.from(`H26-${id}`),
          headers: {},
          value: Buffer.from('{}'),
        },
      ];
    });
  }

  async markReplayed(ids: number[], replayId: string): Promise<void> {
    for (const id of ids) if (this.rows.get(id)!.claimedBy === replayId) this.rows.get(id)!.replayed = true;
  }

  async release(ids: number[], replayId: string): Promise<void> {
    for (const id of ids)
      if (this.rows.get(id)!.claimedBy === replayId) this.rows.get(id)!.claimedBy = undefined;
  }
}

function build(send: (records: OutgoingRecord[]) => Promise<void>) {
  const claims = new FakeClaims();
  claims.rows.set(1, { stage: 'hub', sourceTopic: topics.source('motcua') });
  claims.rows.set(2, { stage: 'hub', sourceTopic: topics.dossier });
  claims.rows.set(3, { stage: 'national-portal', sourceTopic: topics.retry('national-portal', 1) });
  const kafka = {
    producer: async () => ({}),
    send: async (_: unknown, records: OutgoingRecord[]) => send(records),
  };
  const sut = new ReplayDeadLetters(
    {} as DeadLetterIndex,
    claims as unknown as ReplayClaims,
    kafka as unknown as KafkaConnection,
    flow,
  );
  return { sut, claims };
}

describe(ReplayDeadLetters.name, () => {
  it('sends what may go back to its own topic, refuses the rest, and sends nothing twice', async () => {
    const published: OutgoingRecord[] = [];
    const { sut } = build(async (records) => void published.push(...records));
    const first = await sut.byIds([1, 2, 3], 'alice');
    expect(first).toMatchObject({ replayed: 2, ids: [1, 3], alreadyReplayed: [], refused: [{ id: 2 }] });
    expect(published.map((record) => record.topic)).toEqual([
      't.src.motcua.dossier-events',
      't.route.national-portal.v1',
    ]);
    const again = await sut.byIds([1, 3], 'bob');
    expect(again).toMatchObject({ replayId: null, replayed: 0, alreadyReplayed: [1, 3] });
    expect(published).toHaveLength(2);
  });

  it('releases what it claimed when the broker does not take it, for a later replay', async () => {
    let brokerUp = false;
    const { sut, claims } = build(async () => {
      if (!brokerUp) throw new Error('broker away');
    });
    await expect(sut.byIds([1, 3], 'alice')).rejects.toThrow(ServiceUnavailableException);
    expect([claims.rows.get(1)!.claimedBy, claims.rows.get(3)!.claimedBy]).toEqual([undefined, undefined]);
    brokerUp = true;
    expect(await sut.byIds([1, 3], 'alice')).toMatchObject({ replayed: 2 });
  });
});
