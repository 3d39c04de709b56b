import { BOS, SPECIAL_SYMBOLS, spaced } from '../digits.js';
import { InvalidParameterError, UnknownNameError } from '../errors.js';
import { makeTask } from '../make-task.js';
import { checkKnown, intParam, type Params } from '../params.js';
import { HASH_SPLIT_RULE, hashSplit } from '../split.js';
import type { Example, Format, Task } from '../types.js';

/** Bits of a parity input, each 0 or 1. */
export type ParityInput = Uint8Array;

/** Largest input accepted (bits). */
export const MAX_PARITY_BITS = 1 << 20;
/** Inputs up to this many bits can be enumerated (2^24 of them). */
const MAX_ENUMERABLE_BITS = 24;
/** The prompt ends with this symbol; CoT formats end their CoT with `=`. */
const PROMPT_END = '|';
const ANSWER_MARK = '=';

export const PARITY_FORMATS = ['none', 'chunked', 'count-log', 'sequential'] as const;

const BIT = ['0', '1'] as const;

/**
 * Width of the binary count of ones of n bits: floor(log2 n) + 1.
 *
 * @example countWidth(32) // 6
 */
export function countWidth(n: number): number {
  return Math.floor(Math.log2(n)) + 1;
}

function meta(bits: ParityInput): Record<string, unknown> {
  let ones = 0;
  for (const b of bits) ones += b;
  return { task: 'parity', bits: bitString(bits), ones, parity: ones & 1 };
}

function bitString(bits: ParityInput): string {
  let s = '';
  for (const b of bits) s += b === 1 ? '1' : '0';
  return s;
}

function makeFormat(name: string, description: string, n: number, cot: (bits: ParityInput) => string[], hasMark: boolean): Format<ParityInput> {
  const vocab = [...SPECIAL_SYMBOLS, '0', '1', PROMPT_END, ANSWER_MARK];
  const probe = cot(new Uint8Array(n));
  const cotLength = probe.length + (hasMark ? 1 : 0);
  return {
    name,
    description: `${description} (${n + 2 + cotLength + 1} tokens for ${n} bits)`,
    fixedLength: n + 2 + cotLength + 1,
    write(bits: ParityInput): Example {
      const m = meta(bits);
      const c = cot(bits);
      if (hasMark) c.push(ANSWER_MARK);
      return { prompt: [BOS, ...Array.from(bits, (b) => BIT[b]!), PROMPT_END], cot: c, answer: [BIT[m['parity'] as 0 | 1]], meta: m };
    },
    vocabulary: () => [...vocab],
    answerOf(continuation) {
      const at = hasMark ? continuation.indexOf(ANSWER_MARK) + 1 : 0;
      if (hasMark && at === 0) return undefined;
      const s = continuation[at];
      return s === '0' || s === '1' ? [s] : undefined;
    },
    text: (ex) => spaced([...ex.prompt, ...ex.cot, ...ex.answer]),
  };
}

/**
 * Parity of n bits (`bits`, default 16), in four formats:
 * - `none`: the answer only;
 * - `chunked` (with `k`, or written `chunked-K`): the running parity after every k bits, before the
 *   last bit (⌈n/k⌉ − 1 tokens), so each CoT token is the parity of k + 1 tokens;
 * - `count-log`: the paper's O(log n) construction: the number of ones in binary, most significant
 *   bit first (floor(log2 n) + 1 tokens); bit j is a linear threshold function of the input and
 *   the higher bits, and the parity is the last bit;
 * - `sequential`: every prefix parity (n − 1 tokens).
 * The split is by a hash of the bit string (≈ 25% test).
 *
 * @example createParityTask({ bits: 32, format: 'chunked-4' }).format.fixedLength // 34 + 8 + 1
 */
export function createParityTask(params: Params = {}): Task<ParityInput> {
  const name = 'parity';
  checkKnown(name, params, ['bits', 'k', 'format']);
  const n = intParam(name, params, 'bits', 16, 1, MAX_PARITY_BITS);
  let formatParam = params['format'];
  let k = params['k'] === undefined ? undefined : intParam(name, params, 'k', undefined, 1);
  if (typeof formatParam === 'string') {
    const m = /^chunked-(\d+)$/.exec(formatParam);
    if (m !== null) {
      const fk = Number(m[1]);
      if (k !== undefined && k !== fk) throw new InvalidParameterError(name, 'k', `the k of format '${formatParam}' (${fk})`, k);
      k = fk;
      formatParam = 'chunked';
    } else if (!(PARITY_FORMATS as readonly string[]).includes(formatParam)) {
      throw new UnknownNameError('format', formatParam, [...PARITY_FORMATS, 'chunked-K'], ` for task '${name}'`);
    }
  }
  const chunk = k ?? Math.max(1, Math.round(Math.sqrt(n)));
  if (chunk < 1 || chunk > n) throw new InvalidParameterError(name, 'k', `an integer in [1, ${n}] (k ≤ n = bits)`, k);
  if (k !== undefined && formatParam !== 'chunked') throw new InvalidParameterError(name, 'k', "given only with format 'chunked' (or 'chunked-K')", k);
  const width = countWidth(n);
  return makeTask<ParityInput>({
    name,
    params: { bits: n, ...(formatParam === 'chunked' ? { k: chunk } : {}) },
    formats: {
      none: () => makeFormat('none', 'no chain of thought', n, () => [], false),
      chunked: () =>
        makeFormat(`chunked`, `running parity after every ${chunk} bits`, n, (bits) => {
          const out: string[] = [];
          let p = 0;
          for (let i = 0; i < n - 1; i++) {
            p ^= bits[i]!;
            if ((i + 1) % chunk === 0) out.push(BIT[p]!);
          }
          return out;
        }, true),
      'count-log': () =>
        makeFormat('count-log', 'the count of ones in binary, most significant bit first (the paper’s log-length CoT)', n, (bits) => {
          let ones = 0;
          for (const b of bits) ones += b;
          const out: string[] = [];
          for (let j = width - 1; j >= 0; j--) out.push(BIT[(ones >>> j) & 1]!);
          return out;
        }, true),
      sequential: () =>
        makeFormat('sequential', 'every prefix parity', n, (bits) => {
          const out: string[] = [];
          let p = 0;
          for (let i = 0; i < n - 1; i++) {
            p ^= bits[i]!;
            out.push(BIT[p]!);
          }
          return out;
        }, true),
    },
    defaultFormat: 'count-log',
    formatParam,
    drawInput(rng) {
      const bits = new Uint8Array(n);
      for (let i = 0; i < n; i += 32) {
        const word = rng.nextUint32();
        for (let j = 0; j < 32 && i + j < n; j++) bits[i + j] = (word >>> j) & 1;
      }
      return bits;
    },
    splitOf: (bits) => hashSplit(`parity:${bitString(bits)}`),
    keyOf: bitString,
    inputOfExample(example) {
      const s = example.meta['bits'];
      return typeof s === 'string' ? Uint8Array.from(s, (c) => (c === '1' ? 1 : 0)) : undefined;
    },
    inputCount: n <= 53 ? 2 ** n : undefined,
    ...(n <= MAX_ENUMERABLE_BITS
      ? {
          *inputs() {
            for (let x = 0; x < 2 ** n; x++) {
              const bits = new Uint8Array(n);
              for (let i = 0; i < n; i++) bits[i] = Math.floor(x / 2 ** i) % 2;
              yield bits;
            }
          },
        }
      : {}),
    rebuild: (p) => createParityTask(p),
    splitRule: HASH_SPLIT_RULE.replace('key', "key = 'parity:' + bits"),
  });
}
