import { InvalidParameterError } from '../errors.js';
import { makeTask } from '../make-task.js';
import { checkKnown, digitsParam, type Params } from '../params.js';
import { MALACH_MAX_OPERAND, MALACH_MIN_OPERAND, malachSplit, productSplitRule, type OperandRange } from '../split.js';
import type { Task } from '../types.js';
import { dengFormat } from './deng-format.js';
import { malachFormat } from './malach-format.js';
import { noneFormat } from './none-format.js';
import { inputOfExample, type MultiplicationInput, type MultiplicationShape } from './shape.js';
import { stepwiseFormat } from './stepwise-format.js';

/** The paper's instance: 4×4 digits. */
export const PAPER_DIGITS: readonly [number, number] = [4, 4];

/** Products stay exact doubles below 2^53 ≈ 9·10^15: at most 15 digits in total. */
export const MAX_TOTAL_DIGITS = 15;

export const MULTIPLICATION_FORMATS = ['malach', 'deng', 'stepwise', 'stepwise-linear', 'none'] as const;
export type MultiplicationFormatName = (typeof MULTIPLICATION_FORMATS)[number];

/**
 * The operand ranges of an n×m task: the paper's [1111, 10000) for 4×4, else all n-digit
 * numbers [10^(n−1), 10^n) and all m-digit numbers.
 *
 * @example operandRanges({ n: 2, m: 3 }) // [{ min: 10, max: 100 }, { min: 100, max: 1000 }]
 */
export function operandRanges({ n, m }: MultiplicationShape): [OperandRange, OperandRange] {
  if (n === 4 && m === 4) {
    const r = { min: MALACH_MIN_OPERAND, max: MALACH_MAX_OPERAND };
    return [r, r];
  }
  return [
    { min: n === 1 ? 1 : 10 ** (n - 1), max: 10 ** n },
    { min: m === 1 ? 1 : 10 ** (m - 1), max: 10 ** m },
  ];
}

function* allPairs(ra: OperandRange, rb: OperandRange): Generator<MultiplicationInput> {
  for (let b = rb.min; b < rb.max; b++) for (let a = ra.min; a < ra.max; a++) yield { a, b };
}

/**
 * Multiplication of an n-digit by an m-digit number (`digits: [n, m]` or `'NxM'`, default 4×4).
 * Inputs are uniform over the operand ranges ({@link operandRanges}); the split is the paper's
 * rule for 4×4 ({@link malachSplit}) and the same rule over the n×m ranges otherwise.
 *
 * @example
 * const task = createMultiplicationTask({ digits: '4x4', format: 'malach' });
 * const ex = task.draw(createRng(1)); // 307 symbols in all
 */
export function createMultiplicationTask(params: Params = {}): Task<MultiplicationInput> {
  const name = 'multiplication';
  checkKnown(name, params, ['digits', 'format']);
  const [n, m] = digitsParam(name, params, 'digits', PAPER_DIGITS, MAX_TOTAL_DIGITS);
  const shape = { n, m };
  const [ra, rb] = operandRanges(shape);
  const paper = n === 4 && m === 4;
  const splitOf = paper ? malachSplit : productSplitRule(ra, rb);
  const count = (ra.max - ra.min) * (rb.max - rb.min);
  const limitA = 10 ** n;
  const limitB = 10 ** m;
  return makeTask<MultiplicationInput>({
    name,
    params: { digits: [n, m] },
    formats: {
      malach: () => malachFormat(shape),
      deng: () => dengFormat(shape),
      stepwise: () => stepwiseFormat(shape, false),
      'stepwise-linear': () => stepwiseFormat(shape, true),
      none: () => noneFormat(shape),
    },
    defaultFormat: 'malach',
    formatParam: params['format'],
    drawInput: (rng) => ({ a: rng.range(ra.min, ra.max - 1), b: rng.range(rb.min, rb.max - 1) }),
    splitOf(input) {
      if (!(Number.isSafeInteger(input.a) && input.a >= 0 && input.a < limitA)) throw new InvalidParameterError(name, 'a', `an integer in [0, ${limitA})`, input.a);
      if (!(Number.isSafeInteger(input.b) && input.b >= 0 && input.b < limitB)) throw new InvalidParameterError(name, 'b', `an integer in [0, ${limitB})`, input.b);
      return splitOf(input.a, input.b);
    },
    keyOf: (input) => `${input.a}x${input.b}`,
    inputOfExample,
    inputCount: count,
    inputs: () => allPairs(ra, rb),
    rebuild: (p) => createMultiplicationTask(p),
    splitRule: paper
      ? "the paper's rule: idx = (a−1111) + 8889·(b−1111); train iff (idx·277149838960172320159769184791 mod 8889²) > floor(8889²/4), floored modulo"
      : `the paper's rule over a ∈ [${ra.min}, ${ra.max}), b ∈ [${rb.min}, ${rb.max}): idx = (a−${ra.min}) + ${ra.max - ra.min}·(b−${rb.min}); train iff (idx·277149838960172320159769184791 mod ${count}) > floor(${count}/4), floored modulo`,
  });
}

/**
 * Parses explicit operand pairs (`'1234x5678,9999x1111'` or a list of `'AxB'` strings) and checks
 * they fit the task's digits; returns them in the given order.
 *
 * @example multiplicationOperands('1234x5678,9999x1111', [4, 4]) // [{a:1234,b:5678},{a:9999,b:1111}]
 */
export function multiplicationOperands(spec: string | readonly string[], digits: readonly [number, number] = PAPER_DIGITS): MultiplicationInput[] {
  const items = (typeof spec === 'string' ? spec.split(',') : spec).map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new InvalidParameterError('multiplication', 'operands', "at least one pair 'AxB'", spec);
  const [n, m] = digits;
  return items.map((item) => {
    const match = /^(\d+)\s*[x×*]\s*(\d+)$/i.exec(item);
    if (match === null) throw new InvalidParameterError('multiplication', 'operands', "pairs written 'AxB' (e.g. 1234x5678)", item);
    const a = Number(match[1]);
    const b = Number(match[2]);
    if (a >= 10 ** n || b >= 10 ** m) {
      throw new InvalidParameterError('multiplication', 'operands', `an ${n}-digit × ${m}-digit pair (digits ${n}x${m})`, item);
    }
    return { a, b };
  });
}
