import { ranks, ranksWithinTiers } from './tier-ranks';

interface Row {
  code: string;
  tier: string | null;
  score: number | null;
}

const row = (code: string, tier: string | null, score: number | null): Row => ({ code, tier, score });
const byCode = (ranked: Map<Row, number>) =>
  Object.fromEntries([...ranked].map(([item, rank]) => [item.code, rank]));

describe(ranksWithinTiers.name, () => {
  it('ranks provincial departments and communes apart, as the nation does', () => {
    const rows = [
      row('SXD', 'AGENCY', 80),
      row('STP', 'AGENCY', 90),
      row('PHK', 'COMMUNE', 70),
      row('PBD', 'COMMUNE', 95),
      row('XDA', 'COMMUNE', 60),
    ];

    const sut = ranksWithinTiers(
      rows,
      (item) => item.tier,
      (item) => item.score,
    );

    expect(byCode(sut)).toEqual({ STP: 1, SXD: 2, PBD: 1, PHK: 2, XDA: 3 });
  });

  it('gives no rank without a tier or a score, and the same rank to equal scores', () => {
    const rows = [
      row('A', 'COMMUNE', 70),
      row('B', 'COMMUNE', 70),
      row('C', null, 99),
      row('D', 'COMMUNE', null),
    ];

    const sut = ranksWithinTiers(
      rows,
      (item) => item.tier,
      (item) => item.score,
    );

    expect(byCode(sut)).toEqual({ A: 1, B: 1 });
  });
});

describe(ranks.name, () => {
  it('ranks highest first, a tie shares the rank and the next skips', () => {
    const rows = [row('A', null, 50), row('B', null, 90), row('C', null, 90)];

    expect(byCode(ranks(rows, (item) => item.score))).toEqual({ B: 1, C: 1, A: 3 });
  });
});
