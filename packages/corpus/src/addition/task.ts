import { BOS, DIGITS, SPECIAL_SYMBOLS, digitsAfter, digitsLsb, spaced, symbolsLsb, symbolsMsb } from '../digits.js';
import { makeTask } from '../make-task.js';
import { checkKnown, intParam, type Params } from '../params.js';
import { productSplitRule } from '../split.js';
import type { Example, Format, Task } from '../types.js';

/** Two operands of an addition. */
export interface AdditionInput {
  a: number;
  b: number;
}

/** Sums stay exact doubles: at most 15 digits per operand. */
export const MAX_ADDITION_DIGITS = 15;

export const ADDITION_FORMATS = ['plain', 'reversed', 'carries'] as const;

function meta(input: AdditionInput): Record<string, unknown> {
  return { task: 'addition', a: input.a, b: input.b, sum: input.a + input.b };
}

/**
 * Addition of two n-digit numbers (`digits`, default 4), sums zero-padded to n+1 digits:
 * - `plain`: `[BOS] a + b =` and the sum, most significant digit first, no CoT;
 * - `reversed`: every number least significant digit first (so each answer digit depends only on
 *   the digits of its own place and the carry), no CoT;
 * - `carries`: the plain prompt; the CoT writes, from the units up, the carry into each place and
 *   then that place's sum digit (`c0 4 c1 2 …`), then `=` and the sum most significant first.
 * The split is the paper's product rule applied to the pair (a, b) over the n-digit ranges
 * (exactly 75% train, deterministic).
 *
 * @example createAdditionTask({ digits: 3, format: 'carries' }).example({ a: 456, b: 789 }).answer // 1 2 4 5
 */
export function createAdditionTask(params: Params = {}): Task<AdditionInput> {
  const name = 'addition';
  checkKnown(name, params, ['digits', 'format']);
  const n = intParam(name, params, 'digits', 4, 1, MAX_ADDITION_DIGITS);
  const range = { min: n === 1 ? 0 : 10 ** (n - 1), max: 10 ** n };
  const split = productSplitRule(range, range);
  const prompt = (x: AdditionInput, lsb: boolean): string[] => {
    const w = lsb ? symbolsLsb : symbolsMsb;
    return [BOS, ...w(x.a, n), '+', ...w(x.b, n), '='];
  };
  const base = [...SPECIAL_SYMBOLS, ...DIGITS, '+', '='];
  const plain = (lsb: boolean): Format<AdditionInput> => ({
    name: lsb ? 'reversed' : 'plain',
    description: lsb ? 'numbers least significant digit first, answer only' : 'the sum only, most significant digit first',
    fixedLength: 2 * n + 3 + n + 1,
    write: (x): Example => ({ prompt: prompt(x, lsb), cot: [], answer: (lsb ? symbolsLsb : symbolsMsb)(x.a + x.b, n + 1), meta: meta(x) }),
    vocabulary: () => [...base],
    answerOf: (c) => digitsAfter(c, undefined, 0, n + 1),
    text: (ex) => spaced([...ex.prompt, ...ex.cot, ...ex.answer]),
  });
  const carries: Format<AdditionInput> = {
    name: 'carries',
    description: `carry into each place, then its digit, units first (${2 * n + 3 + 2 * n + 1 + n + 1} tokens)`,
    fixedLength: 2 * n + 3 + 2 * n + 1 + n + 1,
    write(x): Example {
      const da = digitsLsb(x.a, n);
      const db = digitsLsb(x.b, n);
      const cot: string[] = [];
      let c = 0;
      for (let i = 0; i < n; i++) {
        const s = da[i]! + db[i]! + c;
        cot.push(`c${c}`, DIGITS[s % 10]!);
        c = s >= 10 ? 1 : 0;
      }
      cot.push('=');
      return { prompt: prompt(x, false), cot, answer: symbolsMsb(x.a + x.b, n + 1), meta: meta(x) };
    },
    vocabulary: () => [...base, 'c0', 'c1'],
    answerOf: (c) => digitsAfter(c, '=', 1, n + 1),
    text: (ex) => spaced([...ex.prompt, ...ex.cot, ...ex.answer]),
  };
  return makeTask<AdditionInput>({
    name,
    params: { digits: n },
    formats: { plain: () => plain(false), reversed: () => plain(true), carries: () => carries },
    defaultFormat: 'carries',
    formatParam: params['format'],
    drawInput: (rng) => ({ a: rng.range(range.min, range.max - 1), b: rng.range(range.min, range.max - 1) }),
    splitOf: (x) => split(x.a, x.b),
    keyOf: (x) => `${x.a}+${x.b}`,
    inputOfExample(ex) {
      const { a, b } = ex.meta;
      return typeof a === 'number' && typeof b === 'number' ? { a, b } : undefined;
    },
    inputCount: (range.max - range.min) ** 2,
    *inputs() {
      for (let b = range.min; b < range.max; b++) for (let a = range.min; a < range.max; a++) yield { a, b };
    },
    rebuild: (p) => createAdditionTask(p),
    splitRule: `the paper's product rule over a, b ∈ [${range.min}, ${range.max}): idx = (a−${range.min}) + ${range.max - range.min}·(b−${range.min}); train iff (idx·277149838960172320159769184791 mod ${(range.max - range.min) ** 2}) > floor(count/4)`,
  });
}
