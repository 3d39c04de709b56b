import { createRng, createTask, type Example, type ParityInput, type Task } from '@cotlab/corpus';

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

/** The corpus task and format the demo trains on. */
export const DEMO_TASK = { name: 'parity', format: 'count-log' } as const;

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

/**
 * Parity of `bits` bits from `@cotlab/corpus` (`createTask('parity', { bits, format: 'count-log' })`):
 * the prompt is `[BOS]`, the bits and `|`; the CoT is the paper's O(log n) construction — the number
 * of ones in binary, most significant bit first, then `=` — so each CoT token is a linear threshold
 * of the input and of the CoT tokens before it (bit j is 1 iff the count minus the value of the
 * higher bits already written is ≥ 2^j); the answer is the parity. Every input is enumerated and
 * split by the corpus task's own rule (a hash of the bit string, ≈ 25% held out).
 *
 * @example
 * ```ts
 * const task = parityCountLogTask(4);
 * task.example('1101'); // prompt [BOS] 1 1 0 1 |, cot 0 1 1 = (three ones), answer 1
 * ```
 */
export function parityCountLogTask(bits: number = DEMO_PARITY_BITS): DemoTask {
  if (!Number.isSafeInteger(bits) || bits < 1 || bits > MAX_DEMO_BITS) throw new DemoInputError('bits', `an integer in [1, ${MAX_DEMO_BITS}]`, String(bits));
  const task = createTask(DEMO_TASK.name, { bits, format: DEMO_TASK.format }) as Task<ParityInput>;
  const all = task.inputs?.();
  if (all === undefined) throw new DemoInputError('task', 'a task whose inputs can be enumerated', task.name);
  const trainInputs: string[] = [];
  const testInputs: string[] = [];
  for (const input of all) (task.split(input) === 'train' ? trainInputs : testInputs).push(Array.from(input, (b) => (b === 1 ? '1' : '0')).join(''));
  const pattern = new RegExp(`^[01]{${bits}}$`);
  const example = (word: string): Example => {
    if (!pattern.test(word)) throw new DemoInputError('input', `${bits} bits (0 or 1)`, word);
    return task.example(Uint8Array.from(word, (c) => (c === '1' ? 1 : 0)));
  };
  const first = example(trainInputs[0] ?? testInputs[0]!);
  return {
    title: `parity of ${bits} bits, ${DEMO_TASK.format} CoT`,
    vocabulary: task.vocabulary(),
    trainInputs,
    testInputs,
    example,
    answerOf: (continuation) => task.format.answerOf(continuation),
    length: first.prompt.length + first.cot.length + first.answer.length,
    promptLength: first.prompt.length,
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
