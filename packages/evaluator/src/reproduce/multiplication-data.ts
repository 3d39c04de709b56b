import { createRng, createTask, type Example, type Task } from '@cotlab/corpus';
import { WordLevelTokenizer } from '@cotlab/tokenizer';
import { checkInteger, EvaluatorError } from '../errors.js';

/** Vocabulary symbols every cotlab format starts with: `[UNK]` (id 0, padding) and `[BOS]` (id 1). */
const UNK = '[UNK]';
const BOS = '[BOS]';
/** Input spaces up to this size are enumerated to pick distinct test pairs; larger ones are sampled. */
const ENUMERATE_LIMIT = 2_000_000;

/** A training record as `train` of `@cotlab/models` reads it. */
export interface TrainingSequence {
  ids: Int32Array;
  lossMask: Uint8Array;
}

/** The data side of a multiplication run: task, tokenizer, streams and held-out examples. */
export interface MultiplicationData {
  task: Task;
  tokenizer: WordLevelTokenizer;
  /** Tokens in every sequence (prompt + CoT + answer); the formats are fixed-length. */
  sequenceLength: number;
  /** The split rule in words. */
  splitRule: string;
  /**
   * An endless stream of training-split examples, drawn uniformly with the given seed, as ids
   * and a loss mask (`all`: every position, as the paper trains; `cot-answer`: after the prompt).
   */
  trainSequences(seed: number, lossMask: 'all' | 'cot-answer'): Iterable<TrainingSequence>;
  /** `n` distinct test-split examples, in an order fixed by the seed. */
  testExamples(n: number, seed: number): Example[];
  /** `n` distinct examples of either split, in an order fixed by the seed. */
  examples(split: 'train' | 'test', n: number, seed: number): Example[];
  /** Answers of `count` training-split examples (for the chance baseline). */
  trainAnswers(count: number, seed: number): string[][];
}

/**
 * Builds the data of an n×m multiplication run in one CoT format: the corpus task with its split
 * (the paper's rule for 4×4), a word-level tokenizer over the format's vocabulary, an endless
 * training stream and distinct held-out examples. No file is read or written.
 *
 * @example
 * const data = multiplicationData([2, 2], 'stepwise');
 * const test = data.testExamples(500, 7);
 */
export function multiplicationData(digits: readonly [number, number], format: string): MultiplicationData {
  const task = createTask('multiplication', { digits: [digits[0], digits[1]], format });
  const vocabulary = task.vocabulary();
  const tokenizer = WordLevelTokenizer.fromSymbols(vocabulary, { unk: UNK, pad: UNK, ...(vocabulary.includes(BOS) ? { bos: BOS } : {}) });
  const probe = task.draw(createRng(0));
  const sequenceLength = task.format.fixedLength ?? probe.prompt.length + probe.cot.length + probe.answer.length;

  const encode = (example: Example, lossMask: 'all' | 'cot-answer'): TrainingSequence => {
    const ids = tokenizer.encodeSymbols([...example.prompt, ...example.cot, ...example.answer]);
    const mask = new Uint8Array(ids.length);
    mask.fill(1, lossMask === 'all' ? 1 : Math.max(1, example.prompt.length));
    return { ids, lossMask: mask };
  };

  const drawSplit = function* (seed: number, split: 'train' | 'test'): Generator<Example> {
    const rng = createRng(seed);
    for (;;) {
      const example = task.draw(rng);
      if (example.meta['split'] === split) yield example;
    }
  };

  return {
    task,
    tokenizer,
    sequenceLength,
    splitRule: task.splitRule,
    trainSequences(seed, lossMask) {
      checkInteger('seed', seed, 0);
      return {
        *[Symbol.iterator]() {
          for (const example of drawSplit(seed, 'train')) yield encode(example, lossMask);
        },
      };
    },
    testExamples(n, seed) {
      return this.examples('test', n, seed);
    },
    examples(split, n, seed) {
      checkInteger('n', n, 1);
      checkInteger('seed', seed, 0);
      const count = task.inputCount;
      if (count !== undefined && count <= ENUMERATE_LIMIT && task.inputs !== undefined) {
        const pool: unknown[] = [];
        for (const input of task.inputs()) if (task.split(input) === split) pool.push(input);
        if (n > pool.length) throw new EvaluatorError('n', `at most the ${pool.length} ${split} pairs of ${digits[0]}×${digits[1]} multiplication`, n);
        const rng = createRng(seed);
        for (let i = pool.length - 1; i > 0; i--) {
          const j = rng.int(i + 1);
          [pool[i], pool[j]] = [pool[j], pool[i]];
        }
        return pool.slice(0, n).map((input) => task.example(input));
      }
      const seen = new Set<string>();
      const out: Example[] = [];
      for (const example of drawSplit(seed, split)) {
        const key = `${String(example.meta['a'])}x${String(example.meta['b'])}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(example);
        if (out.length === n) break;
      }
      return out;
    },
    trainAnswers(count, seed) {
      checkInteger('count', count, 1);
      const out: string[][] = [];
      for (const example of drawSplit(seed, 'train')) {
        out.push(example.answer);
        if (out.length === count) break;
      }
      return out;
    },
  };
}
