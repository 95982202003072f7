import { Period, splitPeriod } from './period';

describe(splitPeriod.name, () => {
  it('reads a quarter from its three months only', () => {
    expect(splitPeriod('2025-04-01', '2025-06-30')).toEqual({
      months: ['2025-04-01', '2025-06-01'],
      days: [],
    });
  });

  it('reads the edge days of a period that does not start or end on a month boundary', () => {
    expect(splitPeriod('2025-01-15', '2025-04-10')).toEqual({
      months: ['2025-02-01', '2025-03-01'],
      days: [
        ['2025-01-15', '2025-01-31'],
        ['2025-04-01', '2025-04-10'],
      ],
    });
  });

  it('reads a period inside one month from its days', () => {
    expect(splitPeriod('2026-01-01', '2026-01-20')).toEqual({
      months: null,
      days: [['2026-01-01', '2026-01-20']],
    });
    expect(splitPeriod('2024-02-03', '2024-02-29')).toEqual({
      months: null,
      days: [['2024-02-03', '2024-02-29']],
    });
  });

  it('knows the end of February in a leap year', () => {
    expect(splitPeriod('2024-02-01', '2024-02-29')).toEqual({
      months: ['2024-02-01', '2024-02-01'],
      days: [],
    });
  });
});

describe(Period.name, () => {
  const now = Date.parse('2026-11-23T10:00:00+07:00');

  it('defaults to the current quarter up to today, judged now', () => {
    const sut = Period.parse(undefined, undefined, now);

    expect(sut).toMatchObject({ from: '2026-10-01', to: '2026-11-23', judgeAt: now });
  });

  it('judges a past period at the end of its last local day', () => {
    const sut = Period.parse('2026-01-01', '2026-01-31', now);

    expect(new Date(sut.judgeAt).toISOString()).toBe('2026-01-31T16:59:59.999Z');
  });

  it('refuses a malformed or reversed period', () => {
    expect(() => Period.parse('2026-13-01', undefined, now)).toThrow('from must be a date');
    expect(() => Period.parse('2026-02-01', '2026-01-01', now)).toThrow('is after');
  });
});
