import { MALACH_PRODUCT_SYMBOLS } from '@cotlab/tokenizer';
import { BOS, DIGITS, digitsAfter, digitsLsb, spaced, symbolsMsb } from '../digits.js';
import type { Example, Format } from '../types.js';
import { multiplicationMeta, type MultiplicationInput, type MultiplicationShape } from './shape.js';

/** The joined digit-pair symbol `ixj` of the paper's vocabulary ("digit i times digit j"). */
export function pairSymbol(i: number, j: number): string {
  return `${i}x${j}`;
}

/** Place value 10^k written as the paper does: `1` followed by k zeros. */
function placeValue(k: number): string[] {
  return ['1', ...new Array<string>(k).fill('0')];
}

/**
 * Total length of a `malach` sequence for n×m digits, `[BOS]` included: 307 for 4×4.
 * prompt n+m+3; expansions Σ(3+i) over both operands plus separators; n·m products; n·m partial
 * products; answer n+m.
 */
export function malachLength({ n, m }: MultiplicationShape): number {
  const expansion = (k: number): number => k * 3 + (k * (k - 1)) / 2 + (k - 1); // Σ_{i<k} (3+i) plus k−1 '+'
  const prompt = n + m + 3;
  const operands = 1 + expansion(n) + 1 + 1 + 1 + expansion(m) + 1 + 1; // ( … ) x ( … ) =
  let products = n * m - 1 + 1; // '+' between terms, then '='
  let partials = n * m - 1 + 1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      products += 1 + 2 + (1 + i) + (1 + j); // ixj x 1 0… x 1 0…
      partials += 2 + i + j;
    }
  }
  return prompt + operands + products + partials + n + m;
}

/**
 * The paper's multiplication format (Malach 2023), token for token: the prompt
 * `[BOS] a x b =`, the CoT expands both operands into digit × place value (least significant
 * first), lists every digit product as a joined `ixj` token times both place values, then every
 * partial product as two digits and its zeros, and the answer is the product zero-padded to n+m
 * digits. 307 tokens for 4×4; equal to ../shared/golden/malach-product-cot.jsonl.
 */
export function malachFormat(shape: MultiplicationShape): Format<MultiplicationInput> {
  const { n, m } = shape;
  const vocab = [...MALACH_PRODUCT_SYMBOLS];
  const length = malachLength(shape);
  return {
    name: 'malach',
    description: "the paper's format token for token: operands expanded, digit products as ixj tokens, partial products, answer (307 tokens for 4×4)",
    fixedLength: length,
    write(input: MultiplicationInput): Example {
      const da = digitsLsb(input.a, n);
      const db = digitsLsb(input.b, m);
      const prompt = [BOS, ...symbolsMsb(input.a, n), 'x', ...symbolsMsb(input.b, m), '='];
      const cot: string[] = [];
      const expand = (ds: number[]): void => {
        cot.push('(');
        ds.forEach((d, i) => {
          if (i > 0) cot.push('+');
          cot.push(DIGITS[d]!, 'x', ...placeValue(i));
        });
        cot.push(')');
      };
      expand(da);
      cot.push('x');
      expand(db);
      cot.push('=');
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          if (i + j > 0) cot.push('+');
          cot.push(pairSymbol(da[i]!, db[j]!), 'x', ...placeValue(i), 'x', ...placeValue(j));
        }
      }
      cot.push('=');
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          if (i + j > 0) cot.push('+');
          const p = da[i]! * db[j]!;
          cot.push(DIGITS[Math.floor(p / 10)]!, DIGITS[p % 10]!, ...new Array<string>(i + j).fill('0'));
        }
      }
      cot.push('=');
      return { prompt, cot, answer: symbolsMsb(input.a * input.b, n + m), meta: multiplicationMeta(input) };
    },
    vocabulary: () => [...vocab],
    // The continuation holds three '=' (after the expansions, the products, the partial products).
    answerOf: (continuation) => digitsAfter(continuation, '=', 3, n + m),
    text: (example) => spaced([...example.prompt, ...example.cot, ...example.answer]),
  };
}
