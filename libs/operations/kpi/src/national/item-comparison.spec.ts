import type { StoredScore } from '@lienthong/national-score';
import type { PeriodCounts } from '../period-counts';
import { scorePeriod } from '../score';
import { compareScores } from './item-comparison';

const counts: PeriodCounts = {
  received: 10,
  onTime: 10,
  overdue: 0,
  online: 10,
  receivedOfOnlineProcedures: 10,
  withFees: 10,
  paidOnline: 10,
  proceduresWithFees: 1,
  proceduresPaidOnline: 1,
  settled: 10,
  eResult: 10,
  digitized: 10,
  reused: 0,
  fromWarehouse: 0,
  populationData: 0,
  procedures: 1,
  proceduresWithPopulationData: 0,
  rated: 0,
  notSatisfied: 0,
  synced: 10,
};

/** A national score of the unit, with the payment tree's parameters and one digitization metric. */
function national(paid: number): StoredScore {
  return {
    totalScore: 90,
    groups: {
      CKMB: { score: 18, maxScore: 18 },
      TDGQ: { score: 20, maxScore: 20 },
      CLGQ: { score: 12, maxScore: 12 },
      MDSH: { score: 16, maxScore: 22 },
      MDHL: { score: 18, maxScore: 18 },
      TTTT: { score: paid, maxScore: 10 },
    },
    metrics: [
      {
        group: 'MDSH',
        code: '4.1',
        name: 'e',
        numerator: 10,
        denominator: 10,
        ratio: 100,
        score: 6,
        maxScore: 6,
      },
    ],
    parameters: {
      'formality-online-payment-tree': {
        totalDossierOnlinePaymentSuccess: paid,
        totalDossierFinancialObligation: 10,
        totalDossierOnlineFormalityPaymentSuccess: 1,
        totalFeeFormality: 1,
      },
      'dvc-progress-tree': { totalOnTime: 10, totalReceived: 10 },
    },
  } as unknown as StoredScore;
}

describe(compareScores.name, () => {
  it('finds no drift when both sides count the same dossiers; Lienthong then scores what the nation does', () => {
    const sut = compareScores(scorePeriod(counts), national(10));

    expect(sut.drift.totalScore).toBe(0);
    expect(Object.values(sut.drift.groups)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(sut.own.totalScore).toBe(90);
  });

  it('scores the national numbers by the same rule: 5 of 10 paid online at the portal is −3 of 6 points', () => {
    const sut = compareScores(scorePeriod(counts), national(5));

    expect(sut.items.find((item) => item.code === 'paid_online')).toMatchObject({
      group: 'TTTT',
      national: { numerator: 5, denominator: 10, score: 3, maxScore: 6 },
      own: { numerator: 10, denominator: 10, score: 6 },
      drift: -3,
    });
    expect(sut.drift.groups.TTTT).toBe(-3);
    expect(sut.own.groups.TTTT).toBe(8);
    expect(sut.drift.totalScore).toBe(-3);
    expect(sut.own.totalScore).toBe(93);
  });

  it('leaves items Lienthong cannot measure without drift, and stands alone without a national score', () => {
    const compared = compareScores(scorePeriod(counts), national(10));
    expect(compared.items.find((item) => item.code === 'procedures_published')).toMatchObject({
      own: null,
      drift: null,
    });

    const sut = compareScores(scorePeriod(counts), null);

    expect(sut.drift.totalScore).toBeNull();
    expect(sut.own.totalScore).toBe(scorePeriod(counts).points);
    expect(sut.items.every((item) => item.national === null)).toBe(true);
  });
});
