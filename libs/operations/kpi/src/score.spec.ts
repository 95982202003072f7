import type { PeriodCounts } from './period-counts';
import { scorePeriod } from './score';
import { SCORING_MAX, SCORING_TABLE } from './scoring-table';

const counts = (overrides: Partial<PeriodCounts> = {}): PeriodCounts => ({
  received: 10,
  onTime: 9,
  overdue: 1,
  online: 6,
  receivedOfOnlineProcedures: 8,
  withFees: 4,
  paidOnline: 3,
  proceduresWithFees: 2,
  proceduresPaidOnline: 1,
  settled: 8,
  eResult: 6,
  digitized: 7,
  reused: 2,
  fromWarehouse: 1,
  populationData: 5,
  procedures: 4,
  proceduresWithPopulationData: 1,
  rated: 6,
  notSatisfied: 1,
  synced: 10,
  ...overrides,
});

const item = (score: ReturnType<typeof scorePeriod>, id: string) =>
  score.groups.flatMap((group) => group.items).find((candidate) => candidate.id === id)!;
const group = (score: ReturnType<typeof scorePeriod>, id: string) =>
  score.groups.find((candidate) => candidate.id === id)!;

describe(scorePeriod.name, () => {
  it('adds up to the 100-point index', () => {
    expect(SCORING_MAX).toBe(100);
    expect(SCORING_TABLE.map((g) => g.max)).toEqual([18, 20, 12, 10, 22, 18]);
  });

  it('scores on-time as 20 × rate: 9 of 10 received = 18', () => {
    const sut = scorePeriod(counts());

    expect(item(sut, 'on_time')).toMatchObject({ rate: 0.9, points: 18, numerator: 9, denominator: 10 });
  });

  it('scores online (3.3) as 12 × online ÷ received × synced rate, full at 50%: 6 of 10 × 9/10 = 54% → 12', () => {
    expect(item(scorePeriod(counts({ synced: 9 })), 'online')).toMatchObject({ points: 12, rate: 0.54 });
    // 4 of 10 × 1 = 40% → 12 × 0.4 ÷ 0.5
    expect(item(scorePeriod(counts({ online: 4 })), 'online').points).toBe(9.6);
  });

  it('scores payment as 6·A + min(2, 2.5·B), with C not measured: A = 3/4, B = 1/2 → 4.5 + 1.25', () => {
    const sut = scorePeriod(counts());

    expect(item(sut, 'paid_online').points).toBe(4.5);
    expect(item(sut, 'payment_procedures').points).toBe(1.25);
    expect(item(sut, 'fee_lists')).toMatchObject({ state: 'not_measured', points: null });
    expect(group(sut, 'payment')).toMatchObject({ points: 5.75, measuredMax: 8, max: 10 });
  });

  it('caps B at 2 points from 80% of procedures', () => {
    const sut = scorePeriod(counts({ proceduresPaidOnline: 4, proceduresWithFees: 5 }));

    expect(item(sut, 'payment_procedures').points).toBe(2);
  });

  it('scores reuse (4.3) by the dossiers with digitized parts, full at 80%: 7 of 10 → 2 × 0.7 ÷ 0.8 = 1.75', () => {
    expect(item(scorePeriod(counts()), 'reuse').points).toBe(1.75);
  });

  it('scores digitization items each by its own rate', () => {
    const sut = scorePeriod(counts());

    expect(item(sut, 'e_result').points).toBe(4.5); // 6 × 6/8
    expect(item(sut, 'digitized_files').points).toBe(3.5); // 4 × 0.7 ÷ 0.8
    expect(item(sut, 'warehouse').points).toBe(2.8); // 4 × (1 from the warehouse + 6 e-results)/10
    expect(item(sut, 'population_data').points).toBe(1); // 2 × 5/10
    expect(item(sut, 'population_procedures').points).toBe(0.5); // 2 × 1/4
    expect(item(sut, 'e_certified_copies').state).toBe('not_measured');
    // 4.5 + 3.5 + 1.75 + 2.8 + 1 + 0.5, out of 22 − 2 measurable
    expect(group(sut, 'digitization')).toMatchObject({ points: 14.05, measuredMax: 20 });
  });

  it('scores dossier satisfaction (5.4) as 100% − overdue, local ratings aside, full at 90%: 80% → 5.33', () => {
    const sut = scorePeriod(counts({ onTime: 8, overdue: 2 }));

    expect(item(sut, 'dossier_satisfaction')).toMatchObject({ rate: 0.8, points: 5.33 });
    expect(item(sut, 'complaints_on_time').state).toBe('not_measured');
    expect(group(sut, 'satisfaction')).toMatchObject({ points: 5.33, measuredMax: 6 });
  });

  it('shows the catalogue items as not measured, never as zero or full marks', () => {
    const sut = scorePeriod(counts());

    expect(group(sut, 'transparency')).toMatchObject({ points: 6, measuredMax: 6, max: 18 });
    for (const id of ['procedures_published', 'procedures_updated', 'procedures_complete']) {
      expect(item(sut, id)).toMatchObject({ state: 'not_measured', points: null, rate: null });
    }
  });

  it('shows an item with nothing to measure in the period (no dossier with fees) as no data', () => {
    const sut = scorePeriod(
      counts({ withFees: 0, paidOnline: 0, proceduresWithFees: 0, proceduresPaidOnline: 0 }),
    );

    expect(item(sut, 'paid_online')).toMatchObject({ state: 'no_data', points: null });
    expect(group(sut, 'payment')).toMatchObject({ points: null, measuredMax: 0 });
  });

  it('totals the measured points and their share of what could be measured', () => {
    const sut = scorePeriod(counts());

    // 6 + 18 + 12 + 5.75 + 14.05 + 6 of 6 + 20 + 12 + 8 + 20 + 6
    expect(sut.points).toBe(61.8);
    expect(sut.measuredMax).toBe(72);
    expect(sut.percent).toBe(85.8);
  });
});
