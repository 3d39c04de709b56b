import { BOS, SPECIAL_SYMBOLS, DIGITS, digitsAfter, digitsLsb, spaced } from '../digits.js';
import type { Example, Format } from '../types.js';
import { pairSymbol } from './malach-format.js';
import { multiplicationMeta, type MultiplicationInput, type MultiplicationShape } from './shape.js';

/**
 * Symbol of a running carry (tens of a column's running sum): `c0`, `c1`, …
 *
 * @example carrySymbol(3) // 'c3'
 */
export function carrySymbol(c: number): string {
  return `c${c}`;
}

/**
 * Symbol of an addition pair `u+d` (running units digit u plus addend digit d), `stepwise-linear` only.
 *
 * @example additionPairSymbol(7, 5) // '7+5'
 */
export function additionPairSymbol(u: number, d: number): string {
  return `${u}+${d}`;
}

/** One addend of column k: the low digit of a_i·b_j (i+j = k) or the high digit of a_i·b_j (i+j = k−1). */
interface Addend {
  i: number;
  j: number;
  high: boolean;
}

/**
 * The addends of every column, in the order the CoT adds them.
 *
 * @example columnAddends({ n: 2, m: 2 })[1].length // 3: two units digits and one tens digit
 */
export function columnAddends({ n, m }: MultiplicationShape): Addend[][] {
  const columns: Addend[][] = [];
  for (let k = 0; k < n + m; k++) {
    const col: Addend[] = [];
    for (let i = 0; i < n; i++) if (k - i >= 0 && k - i < m) col.push({ i, j: k - i, high: false });
    for (let i = 0; i < n; i++) if (k - 1 - i >= 0 && k - 1 - i < m) col.push({ i, j: k - 1 - i, high: true });
    columns.push(col);
  }
  return columns;
}

/**
 * The largest carry the stepwise CoT can write for n×m digits: column k's running sum is at most
 * 9·(low digits) + 8·(high digits) + carry-in, and its tens are the carry. Sizes the vocabulary.
 *
 * @example maxStepwiseCarry({ n: 4, m: 4 }) // 6
 */
export function maxStepwiseCarry(shape: MultiplicationShape): number {
  let carry = 0;
  let max = 0;
  for (const col of columnAddends(shape)) {
    let total = carry;
    for (const add of col) total += add.high ? 8 : 9;
    carry = Math.floor(total / 10);
    max = Math.max(max, carry);
  }
  return max;
}

/**
 * Length of a stepwise sequence: prompt n+m+3, products 3·n·m, one carry-in pair per column
 * after the first 2·(n+m−1), 2 (or 3 with pairs) per addend over 2·n·m addends, `=`, answer
 * n+m. 4×4: 11 + 48 + 14 + 64 + 1 + 8 = 146 (stepwise), 178 (stepwise-linear).
 *
 * @example stepwiseLength({ n: 4, m: 4 }, false) // 146
 */
export function stepwiseLength({ n, m }: MultiplicationShape, pairs: boolean): number {
  return n + m + 3 + 3 * n * m + 2 * (n + m - 1) + (pairs ? 3 : 2) * 2 * n * m + 1 + n + m;
}

/**
 * A fine-grained multiplication format designed so that every CoT token is a simple function of
 * one to three earlier tokens at fixed positions (cotlab's design, not the paper's):
 *
 * 1. prompt `[BOS] a x b =` (most significant digit first);
 * 2. for every digit pair (i over a, j over b, least significant first): the joined token `aᵢxbⱼ`
 *    (an AND of two prompt digits: linearly separable), then the product's tens and units digits
 *    (each a lookup of that one token);
 * 3. column by column (k = 0 … n+m−1): the column's running sum starts at the carry from column
 *    k−1, written `c⌊C/10⌋ C mod 10` (omitted for column 0); then each addend d (the units of the
 *    products with i+j = k, then the tens of those with i+j = k−1) updates the running sum,
 *    written carry first, `c⌊s/10⌋` then `s mod 10`: the new carry is the old one plus
 *    [u + d ≥ 10], the new units digit is (u + d) mod 10;
 * 4. `=` and the product, zero-padded to n+m digits, most significant first (copies of each
 *    column's last units digit).
 *
 * With `pairs` (format `stepwise-linear`), every addition first writes the joined token `u+d`, so
 * that the carry and digit become lookups of one token (and the carry token), which a linear
 * next-token predictor can express. Length: 146 tokens for 4×4 (178 with pairs).
 *
 * @example stepwiseFormat({ n: 2, m: 2 }).text(stepwiseFormat({ n: 2, m: 2 }).write({ a: 47, b: 86 })) // '[BOS] 4 7 x 8 6 = 7x6 4 2 … = 4 0 4 2'
 */
export function stepwiseFormat(shape: MultiplicationShape, pairs = false): Format<MultiplicationInput> {
  const { n, m } = shape;
  const columns = columnAddends(shape);
  const maxCarry = maxStepwiseCarry(shape);
  const vocab = [
    ...SPECIAL_SYMBOLS,
    ...DIGITS,
    'x',
    '=',
    ...DIGITS.flatMap((_, i) => DIGITS.map((__, j) => pairSymbol(i, j))),
    ...Array.from({ length: maxCarry + 1 }, (_, c) => carrySymbol(c)),
    ...(pairs ? DIGITS.flatMap((_, u) => DIGITS.map((__, d) => additionPairSymbol(u, d))) : []),
  ];
  return {
    name: pairs ? 'stepwise-linear' : 'stepwise',
    description: pairs
      ? `stepwise with a joined u+d token before every addition, for linear predictors (${stepwiseLength(shape, true)} tokens)`
      : `digit products, then column sums written carry-before-digit, one addend per step (${stepwiseLength(shape, false)} tokens)`,
    fixedLength: stepwiseLength(shape, pairs),
    write(input: MultiplicationInput): Example {
      const seq = stepwiseSymbols(shape, columns, digitsLsb(input.a, n), digitsLsb(input.b, m), pairs);
      return { prompt: seq.slice(0, n + m + 3), cot: seq.slice(n + m + 3, seq.length - n - m), answer: seq.slice(seq.length - n - m), meta: multiplicationMeta(input) };
    },
    vocabulary: () => [...vocab],
    answerOf: (continuation) => digitsAfter(continuation, '=', 1, n + m),
    text: (example) => spaced([...example.prompt, ...example.cot, ...example.answer]),
  };
}

/**
 * Writes the whole stepwise sequence; with `deps`, also records for every position the earlier
 * positions its token is a function of (empty for the prompt and constant tokens).
 */
function stepwiseSymbols(shape: MultiplicationShape, columns: Addend[][], da: number[], db: number[], pairs: boolean, deps?: number[][]): string[] {
  const { n, m } = shape;
  const seq: string[] = [];
  const emit = (sym: string, from: number[]): number => {
    deps?.push(from);
    return seq.push(sym) - 1;
  };
  emit(BOS, []);
  const posA: number[] = [];
  const posB: number[] = [];
  for (let k = n - 1; k >= 0; k--) posA[k] = emit(DIGITS[da[k]!]!, []);
  emit('x', []);
  for (let k = m - 1; k >= 0; k--) posB[k] = emit(DIGITS[db[k]!]!, []);
  emit('=', []);
  const posHi: number[][] = [];
  const posLo: number[][] = [];
  for (let i = 0; i < n; i++) {
    posHi.push([]);
    posLo.push([]);
    for (let j = 0; j < m; j++) {
      const p = da[i]! * db[j]!;
      const pair = emit(pairSymbol(da[i]!, db[j]!), [posA[i]!, posB[j]!]);
      posHi[i]![j] = emit(DIGITS[Math.floor(p / 10)]!, [pair]);
      posLo[i]![j] = emit(DIGITS[p % 10]!, [pair]);
    }
  }
  let carryIn = 0;
  let carryPos = -1;
  const unitsPos: number[] = [];
  columns.forEach((col, k) => {
    let c = Math.floor(carryIn / 10);
    let u = carryIn % 10;
    let cPos = -1;
    let uPos = -1;
    if (k > 0) {
      cPos = emit(carrySymbol(c), [carryPos]);
      uPos = emit(DIGITS[u]!, [carryPos]);
    }
    for (const add of col) {
      const p = da[add.i]! * db[add.j]!;
      const d = add.high ? Math.floor(p / 10) : p % 10;
      const dPos = add.high ? posHi[add.i]![add.j]! : posLo[add.i]![add.j]!;
      const known = (...xs: number[]): number[] => xs.filter((x) => x >= 0);
      const s = u + d;
      if (pairs) {
        const pairPos = emit(additionPairSymbol(u, d), known(uPos, dPos));
        c += s >= 10 ? 1 : 0;
        u = s % 10;
        cPos = emit(carrySymbol(c), known(cPos, pairPos));
        uPos = emit(DIGITS[u]!, [pairPos]);
      } else {
        c += s >= 10 ? 1 : 0;
        u = s % 10;
        const from = known(cPos, uPos, dPos);
        cPos = emit(carrySymbol(c), from);
        uPos = emit(DIGITS[u]!, known(uPos, dPos));
      }
    }
    unitsPos[k] = uPos;
    carryIn = c;
    carryPos = cPos;
  });
  emit('=', []);
  for (let k = n + m - 1; k >= 0; k--) emit(seq[unitsPos[k]!]!, [unitsPos[k]!]);
  return seq;
}

/**
 * For every position of a stepwise sequence, the earlier positions whose tokens determine it
 * (the same for every input): empty for the prompt and constant symbols, at most three otherwise.
 * A model designer can read off which inputs each prediction needs.
 *
 * @example stepwiseDependencies({ n: 4, m: 4 })[11] // [4, 9]: the first digit-pair token reads a₀ and b₀
 */
export function stepwiseDependencies(shape: MultiplicationShape, pairs = false): number[][] {
  const deps: number[][] = [];
  stepwiseSymbols(shape, columnAddends(shape), new Array<number>(shape.n).fill(0), new Array<number>(shape.m).fill(0), pairs, deps);
  return deps;
}
