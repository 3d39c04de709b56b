import { describe, expect, it } from 'vitest';
import { bitsPerByte, utf8Length } from './bits-per-byte.js';
import { textStats } from './text-stats.js';

describe('textStats', () => {
  it('measures distinct-n, repetition and length', () => {
    const s = textStats(['a b a b a b', 'c d e']);
    expect(s.texts).toBe(2);
    expect(s.meanWords).toBe(4.5);
    expect(s.distinct[1]).toBeCloseTo(5 / 9);
    // 4-grams of text 1: abab, baba, abab → 1 repeat of 3; text 2 has none.
    expect(s.repetition4).toBeCloseTo(1 / 3);
  });
  it('handles empty input', () => {
    expect(textStats([]).distinct[1]).toBe(0);
  });
});

describe('bitsPerByte', () => {
  it('divides total bits by total bytes', () => {
    const r = bitsPerByte([{ ids: [1, 2], bytes: 4 }], () => ({ nll: 2 * Math.LN2, tokens: 2 }));
    expect(r.bitsPerByte).toBeCloseTo(0.5);
    expect(r.lossPerToken).toBeCloseTo(Math.LN2);
    expect(utf8Length('é')).toBe(2);
    expect(() => bitsPerByte([], () => ({ nll: 0, tokens: 0 }))).toThrow(/at least one token/);
  });
});
