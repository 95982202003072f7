import { readConfig } from '@lienthong/config';
import { nationalScoreSandboxConfigSpec } from './national-score.config';
import { AFTER_NOVEMBER_2026, heldDossiers } from './national-score.fixture';
import { scoringRules } from './national-score.service';
import { scoreUnit } from './score-formulas';

/**
 * Four November dossiers of one department (D1-D4 of portal-dossiers.json), one more lost on the way,
 * D1 disliked. Every number below is worked out by hand from DOMAIN.md's table and amendments.
 */
describe(scoreUnit.name, () => {
  const [d1, d2, d3, d4] = heldDossiers();
  const rules = (env: Record<string, string> = {}) =>
    scoringRules(readConfig(nationalScoreSandboxConfigSpec, env));
  const unit = {
    received: [d1, d2, d3, d4],
    lost: 1,
    lastYearTotal: 0,
    periodsPerYear: 12,
    disliked: new Set([d1.record.MaHoSo]),
    judgeAtMs: AFTER_NOVEMBER_2026,
  };
  const sut = () => scoreUnit(unit, rules());
  const metric = (code: string) =>
    Object.values(sut().metrics)
      .flat()
      .find((candidate) => candidate.code === code);

  it('scores synced dossiers over what the reporting system counted: 4 of 5 → 6 × 0.8', () => {
    expect(metric('1.4')).toMatchObject({ numerator: 4, denominator: 5, ratio: 80, score: 4.8, maxScore: 6 });
    expect(sut().groupScores.CKMB).toBe(16.8); // 6 + 4 + 2 fixed
  });

  it('judges on time by status 9 from the progress records, leaving the supplement days out', () => {
    // D1 ends 4 Nov ≤ 5 Nov; D2 ends 10 Nov > 6 Nov; D3 unfinished, due 10 Dec, judged 1 Dec;
    // D4 ends 21 Nov 09:00 minus 2 days in status 5 = 19 Nov ≤ 20 Nov.
    expect(metric('2.1')).toMatchObject({ numerator: 3, denominator: 4, ratio: 75, score: 15 });
    expect(sut().parameters.TDGQ).toEqual({
      totalReceived: 4,
      totalOnTime: 3,
      totalOverdue: 1,
      totalCompleted: 3,
      avgProcessingDays: 6.72, // (2d2h + 7d1h + 11d1h) ÷ 3
    });
  });

  it('counts an online dossier with a returned result only with its result code and link, × the synced rate', () => {
    // D1 (code + link) and D3 (not returned yet) count; D4 has a link but no code; D2 came in person.
    // 2 ÷ 4 × 0.8 = 40%, full at 50% → 12 × 0.8.
    expect(metric('3.3')).toMatchObject({
      numerator: 2,
      denominator: 4,
      ratio: 40,
      score: 9.6,
      maxScore: 12,
    });
    expect(sut().groupScores.CLGQ).toBe(9.6);
  });

  it('puts the 10 payment points on dossiers paid online over those with a fee that is not zero', () => {
    // D1 and D2 charge 135000, D1 paid through the national platform; D3's fee is 0, D4 lists none.
    expect(metric('3.6')).toMatchObject({ numerator: 1, denominator: 2, ratio: 50, score: 5, maxScore: 10 });
    expect(sut().groupScores.TTTT).toBe(5);
    expect(sut().parameters.TTTT).toMatchObject({
      totalDossierOnlinePaymentSuccess: 1,
      totalDossierFinancialObligation: 2,
    });
  });

  it('splits the payment points as the configuration table says', () => {
    const split = scoreUnit(
      unit,
      rules({ NATIONAL_SCORE_SANDBOX_PAYMENT_SPLIT: '{"3.4":2,"3.5":2,"3.6":6}' }),
    );

    // 3.4: 1 of 2 fee procedures paid online, full at 80% → 2 × 0.625; 3.5 likewise; 3.6: 6 × 0.5.
    expect(split.groupScores.TTTT).toBe(1.25 + 1.25 + 3);
  });

  it('scores the digitization items from their own flags', () => {
    expect(metric('4.1')).toMatchObject({ numerator: 3, denominator: 3, score: 6 }); // D1, D2, D4 links
    expect(metric('4.2')).toMatchObject({ numerator: 1, denominator: 4, score: 1.25 }); // 4 × 0.25 ÷ 0.8
    expect(metric('4.3')).toMatchObject({ numerator: 2, denominator: 4, score: 1.25 }); // 2 × 0.5 ÷ 0.8
    expect(metric('4.4')).toMatchObject({ numerator: null, score: 2 }); // fixed
    expect(metric('4.5')).toMatchObject({ numerator: 3, denominator: 4, score: 3 });
    expect(metric('4.6')).toMatchObject({ numerator: 2, denominator: 4, score: 1 }); // D1 VNeID, D3 MaCSDL 1
    expect(metric('4.7')).toMatchObject({ numerator: 2, denominator: 2, score: 2 });
    expect(sut().groupScores.MDSH).toBe(16.5);
  });

  it('takes overdue and disliked dossiers off satisfaction, full at 90%', () => {
    // 100% − (1 overdue + 1 disliked) ÷ 4 = 50% → 6 × 0.5 ÷ 0.9 = 3.33.
    expect(metric('5.4')).toMatchObject({ numerator: 2, denominator: 4, ratio: 50, score: 3.33 });
    expect(sut().groupScores.MDHL).toBe(15.33);
  });

  it('adds the groups to the total', () => {
    expect(sut().totalScore).toBe(78.23); // 16.8 + 15 + 9.6 + 5 + 16.5 + 15.33
  });

  it('falls back to last year ÷ 12 when neither side counted a dossier', () => {
    const empty = scoreUnit({ ...unit, received: [], lost: 0, lastYearTotal: 24 }, rules());

    expect(empty.metrics.CKMB[3]).toMatchObject({ code: '1.4', numerator: 0, denominator: 2, score: 0 });
    expect(empty.metrics.TDGQ[0]).toMatchObject({
      ratio: null,
      score: 20,
      dataQualityMessage: expect.any(String),
    });
  });
});
