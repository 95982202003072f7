import { ScorePoliteness } from './score-politeness';

describe(ScorePoliteness.name, () => {
  it('lets N calls a second through, refuses the rest with 429, and lets them through again a second later', () => {
    let nowMs = 10_000;
    const sut = new ScorePoliteness(2, () => nowMs);

    const first = [1, 2, 3].map(() => sut.admit('transparency').status);
    nowMs += 1000;
    const next = sut.admit('transparency').status;

    expect([...first, next]).toEqual(['ok', 'ok', 429, 'ok']);
    expect(sut.stats()).toMatchObject({ requests: 4, answered: 3, tooManyRequests: 1 });
  });

  it('has no limit at 0', () => {
    const sut = new ScorePoliteness(0, () => 0);

    expect(Array.from({ length: 50 }, () => sut.admit('x').status).every((status) => status === 'ok')).toBe(
      true,
    );
  });
});
