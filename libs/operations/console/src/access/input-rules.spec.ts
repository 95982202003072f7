import { controlCharacterAt, storable } from './input-rules';

describe(controlCharacterAt.name, () => {
  it('finds a control character in any string or key, however deep', () => {
    expect(controlCharacterAt({ reason: 'a\u0000b' })).toBe('reason');
    expect(controlCharacterAt({ filter: { stage: ['hub', 'x\u007f'] } })).toBe('filter.stage.1');
    expect(controlCharacterAt({ filter: { 'bad\u0001key': 1 } })).toBe('a key under filter');
    expect(controlCharacterAt('\u001b[31m')).toBe('(value)');
  });

  it('lets tabs, line breaks, Vietnamese and numbers pass', () => {
    expect(
      controlCharacterAt({ reason: 'Bảo trì\tcổng\r\nquốc gia', ids: [1, 2], all: true, none: null }),
    ).toBe(undefined);
  });
});

describe(storable.name, () => {
  it('replaces control characters and bounds the length', () => {
    expect(storable('a\u0000b', 10)).toBe('a\ufffdb');
    expect(storable('x'.repeat(20), 5)).toBe('xxxxx…');
  });
});
