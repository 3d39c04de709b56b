import { readFileSync } from 'node:fs';
import { SHARED_SKIP_REASON, sharedDir, sharedPath } from '@cotlab/test-utils';
import { describe, expect, it } from 'vitest';
import { floorMod, hashSplit, malachSplit, malachSplitBigInt, productSplitRule } from './split.js';

describe('floorMod', () => {
  it('has the sign of the divisor, unlike %', () => {
    expect(floorMod(-7n, 3n)).toBe(2n);
    expect(floorMod(7n, 3n)).toBe(1n);
    expect(floorMod(-6n, 3n)).toBe(0n);
  });
});

describe('malachSplit', () => {
  it('labels the below-range pair 1010 × 1001 train (needs the floored modulo)', () => {
    expect(malachSplit(1010, 1001)).toBe('train');
    expect(malachSplitBigInt(1010, 1001)).toBe('train');
  });
  it('the fast path equals the BigInt rule on a sweep of pairs, including out-of-range ones', () => {
    let mismatches = 0;
    for (let a = 1000; a < 10000; a += 37) {
      for (let b = 1000; b < 10000; b += 53) if (malachSplit(a, b) !== malachSplitBigInt(a, b)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe.skipIf(!sharedDir)(`malachSplit against the paper's 20,000 labelled pairs (${SHARED_SKIP_REASON})`, () => {
  it('matches every label', () => {
    const lines = readFileSync(sharedPath('golden', 'malach-product-split.jsonl')!, 'utf8').split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(20000);
    let mismatches = 0;
    let train = 0;
    for (const line of lines) {
      const { a, b, is_train } = JSON.parse(line) as { a: number; b: number; is_train: boolean };
      const split = malachSplit(a, b);
      if (split !== (is_train ? 'train' : 'test')) mismatches++;
      if (split === 'train') train++;
    }
    expect(mismatches).toBe(0);
    expect(train / lines.length).toBeCloseTo(0.753, 3);
  });
});

describe('productSplitRule (the paper rule over other sizes)', () => {
  it('2×2: exactly count − floor(count/4) − 1 of the 8,100 pairs are train', () => {
    const rule = productSplitRule({ min: 10, max: 100 }, { min: 10, max: 100 });
    let train = 0;
    for (let a = 10; a < 100; a++) for (let b = 10; b < 100; b++) if (rule(a, b) === 'train') train++;
    expect(train).toBe(8100 - 2025 - 1);
  });
});

describe('hashSplit', () => {
  it('is deterministic and near 25% test', () => {
    let test = 0;
    for (let i = 0; i < 4000; i++) if (hashSplit(`k${i}`) === 'test') test++;
    expect(hashSplit('parity:0101')).toBe(hashSplit('parity:0101'));
    expect(test / 4000).toBeGreaterThan(0.22);
    expect(test / 4000).toBeLessThan(0.28);
  });
});
