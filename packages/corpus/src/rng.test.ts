import { describe, expect, it } from 'vitest';
import { createRng } from './rng.js';

describe('createRng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xs = Array.from({ length: 8 }, () => a.nextUint32());
    expect(Array.from({ length: 8 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 8 }, () => c.nextUint32())).not.toEqual(xs);
    expect(createRng(2 ** 32 + 1).nextUint32()).not.toBe(createRng(1).nextUint32());
  });
  it('int(n) is uniform enough and stays in range', () => {
    const rng = createRng(1);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 50000; i++) {
      const x = rng.int(10);
      counts[x] = (counts[x] ?? 0) + 1;
    }
    for (const c of counts) expect(Math.abs(c - 5000)).toBeLessThan(400);
    for (let i = 0; i < 1000; i++) {
      const x = rng.range(1111, 9999);
      expect(x >= 1111 && x <= 9999 && Number.isInteger(x)).toBe(true);
    }
    let high = 0;
    for (let i = 0; i < 1000; i++) {
      const x = rng.int(9e14);
      expect(Number.isInteger(x) && x >= 0 && x < 9e14).toBe(true);
      if (x >= 4.5e14) high++;
    }
    expect(Math.abs(high - 500)).toBeLessThan(80);
    const f = rng.next();
    expect(f >= 0 && f < 1).toBe(true);
  });
  it('rejects bad arguments with a message naming them', () => {
    expect(() => createRng(1.5)).toThrow(/seed/);
    expect(() => createRng(1).int(0)).toThrow(/n to be an integer/);
    expect(() => createRng(1).int(2 ** 54)).toThrow(/n to be an integer/);
  });
  it('fork gives independent, reproducible streams', () => {
    const f1 = createRng(3).fork(1);
    const f2 = createRng(3).fork(1);
    const f3 = createRng(3).fork(2);
    const x = f1.nextUint32();
    expect(f2.nextUint32()).toBe(x);
    expect(f3.nextUint32()).not.toBe(x);
  });
});
