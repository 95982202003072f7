import type { IncomingRecord } from '@lienthong/kafka';
import { createLogger } from '@lienthong/observability';
import type { Amend, Amendments } from '../amendments';
import type { FollowedFacts, TargetState } from '../connector';
import { amendingFromFacts } from './followed-facts';

const record = (topic: string, dossierCode: string): IncomingRecord => ({
  topic,
  partition: 0,
  offset: '0',
  key: Buffer.from(dossierCode),
  value: Buffer.from(dossierCode),
  headers: {},
  timestamp: '0',
});

const held: TargetState = { lastSequence: 1, status: 2, created: true, record: {} };

/** Facts of one topic that keep every record's dossier and amend by naming their topic. */
function facts(topic: string, kept: string[][]): FollowedFacts {
  return {
    topic,
    keep: async (records) => {
      const codes = records.map((one) => one.value!.toString());
      kept.push(codes);
      return codes;
    },
    amend: async (previous) => ({ state: { ...previous, record: topic }, answer: topic }),
  };
}

/** Amendments that bring every dossier in line at once, recording which amendment each one got. */
function amendments(amended: Map<string, unknown>): Amendments {
  return {
    amend: async (codes: string[], amend: Amend) => {
      for (const code of codes) amended.set(code, (await amend(held))?.answer);
      return new Map(codes.map((code) => [code, { outcome: 'amended' as const }]));
    },
  } as unknown as Amendments;
}

describe(amendingFromFacts.name, () => {
  it('keeps each record with the facts of its topic and amends its dossiers with them', async () => {
    const keptChecks: string[][] = [];
    const keptPayments: string[][] = [];
    const amended = new Map<string, unknown>();
    const sut = amendingFromFacts(
      [facts('identity.verified.v1', keptChecks), facts('payment.v1', keptPayments)],
      amendments(amended),
      createLogger('test'),
    );

    await sut([record('payment.v1', 'A'), record('payment.v1', 'B')], async () => undefined);
    await sut([record('identity.verified.v1', 'C')], async () => undefined);

    expect(keptPayments).toEqual([['A', 'B']]);
    expect(keptChecks).toEqual([['C']]);
    expect([...amended]).toEqual([
      ['A', 'payment.v1'],
      ['B', 'payment.v1'],
      ['C', 'identity.verified.v1'],
    ]);
  });

  it('amends nothing when the facts keep nothing new (a copy of a fact already kept)', async () => {
    const amended = new Map<string, unknown>();
    const nothingNew: FollowedFacts = { ...facts('payment.v1', []), keep: async () => [] };
    const sut = amendingFromFacts([nothingNew], amendments(amended), createLogger('test'));

    await sut([record('payment.v1', 'A')], async () => undefined);

    expect(amended.size).toBe(0);
  });
});
