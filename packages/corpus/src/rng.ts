/**
 * A seeded pseudo-random generator: xoshiro128** (Blackman & Vigna, 2018), 32-bit state words,
 * seeded through splitmix32 so that nearby seeds give unrelated streams. Nothing in cotlab reads
 * `Math.random()`; every random choice comes from one of these, passed in explicitly.
 */
export interface Rng {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** A uniform integer in [0, n), without modulo bias; n must be an integer in [1, 2^53]. */
  int(n: number): number;
  /** A uniform integer in [lo, hi] (both inclusive). */
  range(lo: number, hi: number): number;
  /** A fair coin. */
  bit(): 0 | 1;
  /** A new generator whose stream depends on this one's state and on `label` (this one advances). */
  fork(label?: number): Rng;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates a seeded generator. The same seed always gives the same stream, on every platform.
 * Seeds are integers; values beyond 32 bits are folded in, so 2^32 + 1 and 1 differ.
 *
 * @example
 * const rng = createRng(42);
 * rng.int(10);        // the same digit every run
 * rng.range(1111, 9999);
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`corpus: createRng needs seed to be a safe integer, got ${seed}`);
  const hi = Math.floor(seed / TWO_POW_32) >>> 0;
  const mix = splitmix32((seed >>> 0) ^ Math.imul(hi, 0x27d4eb2d));
  return fromState(mix(), mix(), mix(), mix() | 1);
}

function fromState(a0: number, b0: number, c0: number, d0: number): Rng {
  let a = a0 >>> 0;
  let b = b0 >>> 0;
  let c = c0 >>> 0;
  let d = d0 >>> 0;
  const nextUint32 = (): number => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return r;
  };
  const rng: Rng = {
    nextUint32,
    next: () => nextUint32() / TWO_POW_32,
    int(n: number): number {
      if (!(Number.isInteger(n) && n >= 1 && n <= TWO_POW_53)) throw new RangeError(`corpus: rng.int needs n to be an integer in [1, 2^53], got ${n}`);
      if (n <= TWO_POW_32) {
        // Rejection sampling: accept only below the largest multiple of n that fits in 2^32.
        const limit = TWO_POW_32 - (TWO_POW_32 % n);
        for (;;) {
          const x = nextUint32();
          if (x < limit) return x % n;
        }
      }
      // 53 random bits from two draws, same rejection rule.
      const limit = TWO_POW_53 - (TWO_POW_53 % n);
      for (;;) {
        const x = (nextUint32() >>> 11) * TWO_POW_32 + nextUint32();
        if (x < limit) return x % n;
      }
    },
    range(lo: number, hi: number): number {
      return lo + rng.int(hi - lo + 1);
    },
    bit: () => (nextUint32() >>> 31) as 0 | 1,
    fork(label = 0): Rng {
      const mix = splitmix32(nextUint32() ^ Math.imul(label >>> 0, 0x9e3779b1));
      return fromState(mix() ^ nextUint32(), mix(), mix(), mix() | 1);
    },
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
