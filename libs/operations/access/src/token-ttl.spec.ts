import { MAX_TOKEN_TTL_MS, parseTokenTtl } from './token-ttl';

describe(parseTokenTtl.name, () => {
  it('reads hours and days', () => {
    expect(parseTokenTtl('12h')).toBe(12 * 3_600_000);
    expect(parseTokenTtl('30d')).toBe(30 * 86_400_000);
    expect(parseTokenTtl('365d')).toBe(MAX_TOKEN_TTL_MS);
  });

  it('refuses anything else, and lifetimes over a year', () => {
    for (const ttl of ['', '0d', '30', 'd', '1w', '-1d', '1.5d', '366d', '9000h', ' 30d']) {
      expect(parseTokenTtl(ttl)).toBeUndefined();
    }
  });
});
