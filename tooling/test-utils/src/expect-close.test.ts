import { describe, expect, it } from 'vitest';
import { expectClose } from './expect-close.js';

describe('expectClose', () => {
  it('accepts values within tolerance, nested or typed', () => {
    expectClose([[1, 2], new Float32Array([3])], [1, 2.00001, 3], { rtol: 1e-4 });
    expectClose(NaN, NaN);
    expectClose(Infinity, Infinity);
  });
  it('names the first and the worst bad element', () => {
    expect(() => expectClose([1, 2, 3], [1, 2.1, 4], { rtol: 0, atol: 0.01 })).toThrow(/element 1 is 2.*worst is element 2/);
  });
  it('rejects NaN against a number, and a length mismatch', () => {
    expect(() => expectClose([NaN], [0])).toThrow(/element 0/);
    expect(() => expectClose([1, 2], [1])).toThrow(/length differs/);
  });
});
