import { describe, expect, it } from 'vitest';
import { chanceBaseline } from './baseline.js';

describe('chanceBaseline', () => {
  it('scores the majority training answer and the per-index majority symbol on the test answers', () => {
    const train = [['1', '2'], ['1', '2'], ['3', '4'], ['3', '2']];
    const test = [['1', '2'], ['5', '6'], ['1', '4']];
    const b = chanceBaseline(train, test);
    expect(b.majorityAnswer).toEqual(['1', '2']);
    expect(b.exactMatch).toBeCloseTo(1 / 3, 12);
    // per-index guesses '1' (tie with '3', first seen) and '2': right at 1+0+1 and 1+0+0 of 6
    expect(b.digitAccuracy).toBeCloseTo(3 / 6, 12);
  });

  it('is zero with no training answers', () => {
    expect(chanceBaseline([], [['1']])).toEqual({ exactMatch: 0, digitAccuracy: 0, majorityAnswer: [] });
  });
});
