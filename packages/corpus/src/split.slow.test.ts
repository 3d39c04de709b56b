import { describe, expect, it } from 'vitest';
import { malachSplit, MALACH_MAX_OPERAND, MALACH_MIN_OPERAND } from './split.js';

describe('the paper split over every 4×4 pair (slow: 79 million pairs)', () => {
  it('is a permutation rule: exactly count − floor(count/4) − 1 pairs are train', () => {
    let train = 0;
    for (let b = MALACH_MIN_OPERAND; b < MALACH_MAX_OPERAND; b++) {
      for (let a = MALACH_MIN_OPERAND; a < MALACH_MAX_OPERAND; a++) if (malachSplit(a, b) === 'train') train++;
    }
    const count = (MALACH_MAX_OPERAND - MALACH_MIN_OPERAND) ** 2;
    expect(train).toBe(count - Math.floor(count / 4) - 1);
  });
});
