import { describe, expect, it } from 'vitest';
import { FirstErrorAccumulator, firstErrorIndex } from './first-error.js';

describe('firstErrorIndex', () => {
  it('finds the first differing token, the stop of a short rollout, or none', () => {
    expect(firstErrorIndex([5, 6, 9], [5, 6, 7])).toBe(2);
    expect(firstErrorIndex([4, 6, 7], [5, 6, 7])).toBe(0);
    expect(firstErrorIndex([5], [5, 6, 7])).toBe(1);
    expect(firstErrorIndex([5, 6, 7, 8], [5, 6, 7])).toBeUndefined();
    expect(firstErrorIndex(new Int32Array([]), [])).toBeUndefined();
  });
});

describe('FirstErrorAccumulator', () => {
  it('builds a histogram as long as the longest expected continuation', () => {
    const h = new FirstErrorAccumulator();
    h.add([1, 2, 3], [1, 2, 3]);
    h.add([1, 9, 3], [1, 2, 3]);
    h.add([0, 2, 3, 4], [1, 2, 3, 4]);
    h.add([1, 2, 3, 0], [1, 2, 3, 4]);
    expect(h.result()).toEqual({ noError: 1, counts: [1, 1, 0, 1], length: 4 });
  });
});
