import type { Split } from './types.js';

/**
 * The multiplier of the paper's split rule (Malach 2023, released code of the multiplication
 * experiment): a pair's index is scrambled by multiplying with this prime modulo the pair count.
 */
export const MALACH_SPLIT_PRIME = 277149838960172320159769184791n;

/** The paper's operand range for 4×4 multiplication: min 1111 (inclusive), max 10000 (exclusive). */
export const MALACH_MIN_OPERAND = 1111;
export const MALACH_MAX_OPERAND = 10000;

/** Fraction of pairs held out: the paper keeps 1/4 for "validation" (cotlab: `test`). */
export const TEST_FRACTION_DENOMINATOR = 4;

/**
 * Floored modulo (the result has the sign of the divisor, as in Python), for BigInt.
 * @example floorMod(-7n, 3n) // 2n
 */
export function floorMod(x: bigint, m: bigint): bigint {
  const r = x % m;
  return r < 0n ? r + m : r;
}

/** One operand range: integers in [min, max). */
export interface OperandRange {
  min: number;
  max: number;
}

/**
 * A product split rule over the pairs of two operand ranges, the paper's rule generalised:
 * `idx = (a − minA) + (maxA − minA)·(b − minB)`, train iff `(idx·P mod count) > floor(count/4)`
 * with `count = (maxA − minA)·(maxB − minB)` and the floored modulo. Since P is coprime to every
 * count of the form 9²·10^k, idx ↦ idx·P mod count permutes the pairs and exactly
 * `count − floor(count/4) − 1` of them are train.
 *
 * @example const split = productSplitRule({ min: 10, max: 100 }, { min: 10, max: 100 }); split(12, 34);
 */
export function productSplitRule(ra: OperandRange, rb: OperandRange): (a: number, b: number) => Split {
  const spanA = ra.max - ra.min;
  const count = spanA * (rb.max - rb.min);
  const quarter = Math.floor(count / TEST_FRACTION_DENOMINATOR);
  const countBig = BigInt(count);
  const pMod = Number(MALACH_SPLIT_PRIME % countBig);
  // idx·(P mod count) stays exact in doubles when |idx| < count and count² < 2^53.
  const fast = count * count < Number.MAX_SAFE_INTEGER;
  return (a, b) => {
    const idx = a - ra.min + spanA * (b - rb.min);
    let r: number;
    if (fast && Math.abs(idx) < count) {
      // (idx·pMod) mod count, done on the exact product with a floored modulo.
      r = (idx * pMod) % count;
      if (r < 0) r += count;
    } else {
      r = Number(floorMod(BigInt(idx) * MALACH_SPLIT_PRIME, countBig));
    }
    return r > quarter ? 'train' : 'test';
  };
}

const paperRule = productSplitRule(
  { min: MALACH_MIN_OPERAND, max: MALACH_MAX_OPERAND },
  { min: MALACH_MIN_OPERAND, max: MALACH_MAX_OPERAND },
);

/**
 * The paper's train/test split of 4×4 multiplication pairs, exactly: with min = 1111,
 * max = 10000, `idx = (a − min) + (max − min)·(b − min)`, train iff
 * `(idx·P mod (max − min)²) > floor((max − min)²/4)` with P = {@link MALACH_SPLIT_PRIME} and
 * Python's floored modulo (so pairs below the range, e.g. 1010 × 1001, still get the paper's label).
 *
 * @example malachSplit(9562, 9569) // 'train'
 */
export function malachSplit(a: number, b: number): Split {
  return paperRule(a, b);
}

/**
 * The same rule computed entirely in BigInt, as the paper states it (a reference for tests).
 *
 * @example malachSplitBigInt(1010, 1001) // 'train'
 */
export function malachSplitBigInt(a: number, b: number): Split {
  const min = BigInt(MALACH_MIN_OPERAND);
  const span = BigInt(MALACH_MAX_OPERAND) - min;
  const count = span * span;
  const idx = BigInt(a) - min + span * (BigInt(b) - min);
  return floorMod(idx * MALACH_SPLIT_PRIME, count) > count / 4n ? 'train' : 'test';
}

/**
 * A 32-bit FNV-1a hash of a string, then a splitmix finaliser: the split key of tasks without a
 * rule from the paper.
 *
 * @example hashKey('parity:0110') % 4 // the same every run
 */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The split of tasks without a paper rule: test iff `hashKey(key) mod 4 = 0` (about 25% test),
 * where the key is the input's canonical string. Deterministic and independent of seeds.
 *
 * @example hashSplit('parity:0110') // 'train' or 'test', always the same
 */
export function hashSplit(key: string): Split {
  return hashKey(key) % TEST_FRACTION_DENOMINATOR === 0 ? 'test' : 'train';
}

/** The hash rule in words, for dataset cards. */
export const HASH_SPLIT_RULE = 'test iff fnv1a32+splitmix(key) mod 4 = 0, key = the canonical input string (≈25% test)';
