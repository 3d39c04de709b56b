import { MALACH_PRODUCT_SYMBOLS } from '@cotlab/tokenizer';
import { BOS, DIGITS, digitsAfter, digitsLsb, spaced, symbolsMsb } from '../digits.js';
import type { Example, Format, IdArray } from '../types.js';
import { multiplicationMeta, type MultiplicationInput, type MultiplicationShape } from './shape.js';

/**
 * The joined digit-pair symbol `ixj` of the paper's vocabulary ("digit i times digit j").
 *
 * @example pairSymbol(4, 8) // '4x8'
 */
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
 *
 * @example malachLength({ n: 4, m: 4 }) // 307
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

/** Where the input-dependent symbols of a malach sequence sit; everything else is constant. */
interface MalachLayout {
  template: string[];
  promptLength: number;
  /** Prompt digits of a and b, most significant first. */
  promptA: number[];
  promptB: number[];
  /** Expansion digits aᵢ and bⱼ, least significant first. */
  expA: number[];
  expB: number[];
  /** The joined token aᵢxbⱼ, and the tens and units of aᵢ·bⱼ, at index i·m + j. */
  pair: number[];
  hi: number[];
  lo: number[];
  /** Answer digits, most significant first. */
  answer: number[];
}

function malachLayout({ n, m }: MultiplicationShape): MalachLayout {
  const t: string[] = [];
  const at = (sym: string): number => t.push(sym) - 1;
  const L: MalachLayout = { template: t, promptLength: 0, promptA: [], promptB: [], expA: [], expB: [], pair: [], hi: [], lo: [], answer: [] };
  at(BOS);
  for (let k = 0; k < n; k++) L.promptA.push(at('0'));
  at('x');
  for (let k = 0; k < m; k++) L.promptB.push(at('0'));
  at('=');
  L.promptLength = t.length;
  const expand = (count: number, into: number[]): void => {
    at('(');
    for (let i = 0; i < count; i++) {
      if (i > 0) at('+');
      into.push(at('0'));
      t.push('x', ...placeValue(i));
    }
    at(')');
  };
  expand(n, L.expA);
  at('x');
  expand(m, L.expB);
  at('=');
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (i + j > 0) at('+');
      L.pair.push(at('0x0'));
      t.push('x', ...placeValue(i), 'x', ...placeValue(j));
    }
  }
  at('=');
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (i + j > 0) at('+');
      L.hi.push(at('0'));
      L.lo.push(at('0'));
      for (let z = 0; z < i + j; z++) at('0');
    }
  }
  at('=');
  for (let k = 0; k < n + m; k++) L.answer.push(at('0'));
  return L;
}

/**
 * The paper's multiplication format (Malach 2023), token for token: the prompt
 * `[BOS] a x b =`, the CoT expands both operands into digit × place value (least significant
 * first), lists every digit product as a joined `ixj` token times both place values, then every
 * partial product as two digits and its zeros, and the answer is the product zero-padded to n+m
 * digits. 307 tokens for 4×4; equal to ../shared/golden/malach-product-cot.jsonl.
 *
 * @example malachFormat({ n: 4, m: 4 }).write({ a: 1234, b: 5678 }).answer.join('') // '07006652'
 */
export function malachFormat(shape: MultiplicationShape): Format<MultiplicationInput> {
  const { n, m } = shape;
  const vocab = [...MALACH_PRODUCT_SYMBOLS];
  const L = malachLayout(shape);
  const length = L.template.length;
  const promptLength = L.promptLength;
  return {
    name: 'malach',
    description: "the paper's format token for token: operands expanded, digit products as ixj tokens, partial products, answer (307 tokens for 4×4)",
    fixedLength: length,
    promptLength,
    answerLength: n + m,
    write(input: MultiplicationInput): Example {
      const da = digitsLsb(input.a, n);
      const db = digitsLsb(input.b, m);
      const seq = L.template.slice();
      for (let k = 0; k < n; k++) seq[L.promptA[k]!] = seq[L.expA[n - 1 - k]!] = DIGITS[da[n - 1 - k]!]!;
      for (let k = 0; k < m; k++) seq[L.promptB[k]!] = seq[L.expB[m - 1 - k]!] = DIGITS[db[m - 1 - k]!]!;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          const p = da[i]! * db[j]!;
          const q = i * m + j;
          seq[L.pair[q]!] = pairSymbol(da[i]!, db[j]!);
          seq[L.hi[q]!] = DIGITS[Math.floor(p / 10)]!;
          seq[L.lo[q]!] = DIGITS[p % 10]!;
        }
      }
      const answer = symbolsMsb(input.a * input.b, n + m);
      return { prompt: seq.slice(0, promptLength), cot: seq.slice(promptLength, length - n - m), answer, meta: multiplicationMeta(input) };
    },
    idWriter(encoder) {
      const template32 = Int32Array.from(L.template, (sym) => encoder.idOf(sym));
      // One template per id array type, so that copying it is a plain memory copy.
      let templateType: unknown = Int32Array;
      let template: IdArray = template32;
      const templateFor = (out: IdArray): IdArray => {
        if (out.constructor !== templateType) {
          templateType = out.constructor;
          template = out instanceof Uint8Array ? Uint8Array.from(template32) : out instanceof Uint16Array ? Uint16Array.from(template32) : template32;
        }
        return template;
      };
      const digitId = Int32Array.from(DIGITS, (d) => encoder.idOf(d));
      const pairId = Int32Array.from({ length: 100 }, (_, k) => encoder.idOf(pairSymbol(Math.floor(k / 10), k % 10)));
      const promptA = Int32Array.from(L.promptA);
      const promptB = Int32Array.from(L.promptB);
      const expA = Int32Array.from(L.expA);
      const expB = Int32Array.from(L.expB);
      const pair = Int32Array.from(L.pair);
      const hi = Int32Array.from(L.hi);
      const lo = Int32Array.from(L.lo);
      const ans = Int32Array.from(L.answer);
      const da = new Int32Array(n);
      const db = new Int32Array(m);
      const write = (input: MultiplicationInput, out: IdArray, offset: number): number => {
        out.set(templateFor(out), offset);
        let a = input.a;
        for (let i = 0; i < n; i++) {
          const q = (a / 10) | 0;
          const d = a - q * 10;
          da[i] = d;
          out[offset + expA[i]!] = out[offset + promptA[n - 1 - i]!] = digitId[d]!;
          a = q;
        }
        let b = input.b;
        for (let j = 0; j < m; j++) {
          const q = (b / 10) | 0;
          const d = b - q * 10;
          db[j] = d;
          out[offset + expB[j]!] = out[offset + promptB[m - 1 - j]!] = digitId[d]!;
          b = q;
        }
        for (let i = 0, q = 0; i < n; i++) {
          const x = da[i]!;
          for (let j = 0; j < m; j++, q++) {
            const y = db[j]!;
            const p = x * y;
            const h = (p / 10) | 0;
            out[offset + pair[q]!] = pairId[x * 10 + y]!;
            out[offset + hi[q]!] = digitId[h]!;
            out[offset + lo[q]!] = digitId[p - h * 10]!;
          }
        }
        let prod = input.a * input.b;
        for (let k = n + m - 1; k >= 0; k--) {
          const q = Math.floor(prod / 10);
          out[offset + ans[k]!] = digitId[prod - q * 10]!;
          prod = q;
        }
        return offset + length;
      };
      return { write };
    },
    vocabulary: () => [...vocab],
    // The continuation holds three '=' (after the expansions, the products, the partial products).
    answerOf: (continuation) => digitsAfter(continuation, '=', 3, n + m),
    text: (example) => spaced([...example.prompt, ...example.cot, ...example.answer]),
  };
}
