import { createRng, hashSplit, type Example } from '@cotlab/corpus';

/** What the training demo needs of a task: examples as symbols, a vocabulary, and how to read answers. */
export interface DemoTask {
  /** What the page calls it, e.g. `parity of 16 bits, count-log CoT`. */
  readonly title: string;
  /** Symbols in id order; id 0 is `[UNK]` (also padding), id 1 `[BOS]`. */
  readonly vocabulary: readonly string[];
  /** Every input word of the train split, and of the test split (disjoint). */
  readonly trainInputs: readonly string[];
  readonly testInputs: readonly string[];
  /** The example of an input word. */
  example(input: string): Example;
  /** Parses a continuation (the symbols after the prompt) into answer symbols, or undefined when malformed. */
  answerOf(continuation: readonly string[]): string[] | undefined;
  /** Every sequence's length, `[...prompt, ...cot, ...answer]`, in tokens. */
  readonly length: number;
  /** The prompt's length in tokens. */
  readonly promptLength: number;
  /** Reads what the reader typed into an input word, or throws naming what is wrong. */
  parseInput(text: string): string;
}

/**
 * Bits of the demo's parity task: 2^16 = 65,536 inputs, so the 75% train and 25% held-out splits
 * are both far larger than what the demo trains on — held-out accuracy measures generalisation.
 */
export const DEMO_PARITY_BITS = 16;

/** The `count-log` format's symbols, in id order (`[UNK]` 0 and `[BOS]` 1 as in every cotlab format). */
export const PARITY_VOCABULARY = ['[UNK]', '[BOS]', '0', '1', '='] as const;

/** Largest input width the demo enumerates (2^20 inputs). */
const MAX_DEMO_BITS = 20;

/** The demo's input was not a word of the task. */
export class DemoInputError extends Error {
  override readonly name = 'DemoInputError';
  constructor(
    readonly argument: string,
    readonly expected: string,
    readonly received: string,
  ) {
    super(`training demo: ${argument} must be ${expected}, got '${received}'`);
  }
}

/** Bits needed to write a count from 0 to n in binary: ⌊log₂ n⌋ + 1. */
export function countBits(n: number): number {
  return Math.floor(Math.log2(n)) + 1;
}

/**
 * Parity of `bits` bits with the paper's O(log n) CoT (`count-log`, as `@cotlab/corpus` names it):
 * the prompt is `[BOS]`, the bits and `=`; the CoT is the number of ones in binary, most significant
 * bit first, so each CoT token is a linear threshold of the input and of the CoT tokens before it
 * (bit j is 1 iff the count minus the value of the higher bits already written is ≥ 2^j); the answer
 * is the parity, the count's last bit. Inputs are split by `@cotlab/corpus`'s `hashSplit` of
 * `parity:<bits>` (≈ 25% held out, independent of any seed).
 *
 * @example
 * ```ts
 * const task = parityCountLogTask(4);
 * task.example('1101'); // prompt [BOS] 1 1 0 1 =, cot 0 1 1 (three ones), answer 1
 * ```
 */
export function parityCountLogTask(bits: number = DEMO_PARITY_BITS): DemoTask {
  if (!Number.isSafeInteger(bits) || bits < 1 || bits > MAX_DEMO_BITS) throw new DemoInputError('bits', `an integer in [1, ${MAX_DEMO_BITS}]`, String(bits));
  const cotLength = countBits(bits);
  const trainInputs: string[] = [];
  const testInputs: string[] = [];
  for (let x = 0; x < 2 ** bits; x++) {
    const word = x.toString(2).padStart(bits, '0');
    (hashSplit(`parity:${word}`) === 'train' ? trainInputs : testInputs).push(word);
  }
  const pattern = new RegExp(`^[01]{${bits}}$`);
  const example = (word: string): Example => {
    if (!pattern.test(word)) throw new DemoInputError('input', `${bits} bits (0 or 1)`, word);
    const symbols = word.split(''); // ASCII 0/1 only (checked above)
    const count = symbols.filter((s) => s === '1').length;
    const cot = count.toString(2).padStart(cotLength, '0').split('');
    return { prompt: ['[BOS]', ...symbols, '='], cot, answer: [String(count % 2)], meta: { task: 'parity', format: 'count-log', input: word, split: hashSplit(`parity:${word}`) } };
  };
  return {
    title: `parity of ${bits} bits, count-log CoT`,
    vocabulary: PARITY_VOCABULARY,
    trainInputs,
    testInputs,
    example,
    answerOf(continuation) {
      const tail = continuation.slice(0, cotLength + 1);
      if (tail.length < cotLength + 1 || !tail.every((s) => s === '0' || s === '1')) return undefined;
      return tail.slice(cotLength);
    },
    length: bits + 2 + cotLength + 1,
    promptLength: bits + 2,
    parseInput(text) {
      const word = text.replace(/\s+/g, '');
      if (!pattern.test(word)) throw new DemoInputError('input', `${bits} bits (0 or 1)`, text);
      return word;
    },
  };
}

/**
 * A seeded shuffle (Fisher–Yates over `@cotlab/corpus`'s `createRng`), for drawing training
 * inputs; never Math.random.
 *
 * @example
 * ```ts
 * shuffled(['a', 'b', 'c'], 1); // the same order for the same seed
 * ```
 */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
