import { BOS, SPECIAL_SYMBOLS, DIGITS, digitsAfter, spaced, symbolsMsb } from '../digits.js';
import type { Example, Format } from '../types.js';
import { multiplicationMeta, type MultiplicationInput, type MultiplicationShape } from './shape.js';

/**
 * The answer only: `[BOS] a x b =` then the product zero-padded to n+m digits, no CoT.
 *
 * @example noneFormat({ n: 2, m: 2 }).write({ a: 12, b: 34 }).answer // ['0', '4', '0', '8']
 */
export function noneFormat({ n, m }: MultiplicationShape): Format<MultiplicationInput> {
  const vocab = [...SPECIAL_SYMBOLS, ...DIGITS, 'x', '='];
  return {
    name: 'none',
    description: 'no chain of thought: the prompt, then the product (n+m digits)',
    fixedLength: 2 * (n + m) + 3,
    write: (input: MultiplicationInput): Example => ({
      prompt: [BOS, ...symbolsMsb(input.a, n), 'x', ...symbolsMsb(input.b, m), '='],
      cot: [],
      answer: symbolsMsb(input.a * input.b, n + m),
      meta: multiplicationMeta(input),
    }),
    vocabulary: () => [...vocab],
    answerOf: (continuation) => digitsAfter(continuation, undefined, 0, n + m),
    text: (example) => spaced([...example.prompt, ...example.cot, ...example.answer]),
  };
}
