import { SPECIAL_SYMBOLS, DIGITS, digitsAfter, spaced, symbolsLsb } from '../digits.js';
import type { Example, Format } from '../types.js';
import { multiplicationMeta, type MultiplicationInput, type MultiplicationShape } from './shape.js';

/** Separators of the Deng et al. (2023) line format `a * b||cot #### c`. */
export const DENG_PROMPT_END = '||';
export const DENG_ANSWER_MARK = '####';

/**
 * Length of a `deng` sequence for n×m digits (symbols; no BOS): 4×4 → prompt 10 + CoT 46 + `####` + answer 8 = 65.
 *
 * @example dengLength({ n: 4, m: 4 }) // 65
 */
export function dengLength({ n, m }: MultiplicationShape): number {
  let cot = n + 1;
  for (let i = 1; i < m; i++) cot += 1 + (n + 1 + i) + (i < m - 1 ? n + 3 + i : 0);
  return n + m + 2 + cot + 1 + n + m;
}

/**
 * The format of the public 4×4 / 5×5 CoT multiplication datasets of Deng et al. (2023), exactly:
 * all numbers least significant digit first; the prompt `a * b||`; the CoT lists the partial
 * products a·bᵢ·10^i (padded to n+1+i digits) joined by `+`, each after the first but the last
 * followed by the running sum in parentheses; the answer follows `####`. Symbols are the digits,
 * `*`, `+`, `(`, `)`, `||` (ends the prompt) and `####` (ends the CoT); there is no `[BOS]`.
 * `text` writes the line exactly as the dataset files do.
 *
 * @example dengFormat({ n: 4, m: 4 }).text(dengFormat({ n: 4, m: 4 }).write({ a: 2365, b: 4347 })) // '5 6 3 2 * 7 4 3 4||5 5 5 6 1 + … #### 5 5 6 0 8 2 0 1'
 */
export function dengFormat(shape: MultiplicationShape): Format<MultiplicationInput> {
  const { n, m } = shape;
  const vocab = [...SPECIAL_SYMBOLS, ...DIGITS, '*', '+', '(', ')', DENG_PROMPT_END, DENG_ANSWER_MARK];
  return {
    name: 'deng',
    description: 'Deng et al. (2023): reversed digits, partial products and running sums, `a * b||cot #### c`',
    fixedLength: dengLength(shape),
    write(input: MultiplicationInput): Example {
      const { a, b } = input;
      const prompt = [...symbolsLsb(a, n), '*', ...symbolsLsb(b, m), DENG_PROMPT_END];
      const cot: string[] = [];
      let sum = 0;
      let place = 1;
      let bRest = b;
      for (let i = 0; i < m; i++) {
        const bi = bRest % 10;
        bRest = Math.floor(bRest / 10);
        const partial = a * bi * place;
        sum += partial;
        if (i > 0) cot.push('+');
        cot.push(...symbolsLsb(partial, n + 1 + i));
        if (i > 0 && i < m - 1) cot.push('(', ...symbolsLsb(sum, n + 1 + i), ')');
        place *= 10;
      }
      cot.push(DENG_ANSWER_MARK);
      return { prompt, cot, answer: symbolsLsb(a * b, n + m), meta: multiplicationMeta(input) };
    },
    vocabulary: () => [...vocab],
    answerOf: (continuation) => digitsAfter(continuation, DENG_ANSWER_MARK, 1, n + m),
    text(example: Example): string {
      const prompt = example.prompt.slice(0, -1);
      const cot = example.cot.slice(0, -1);
      return `${spaced(prompt)}${DENG_PROMPT_END}${spaced(cot)} ${DENG_ANSWER_MARK} ${spaced(example.answer)}`;
    },
  };
}
