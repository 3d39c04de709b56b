import type { Rng } from './rng.js';

/** Which side of a dataset split an input falls on. The paper calls its held-out 25% "validation". */
export type Split = 'train' | 'test';

/**
 * One chain-of-thought example as symbols. The model sees `[...prompt, ...cot, ...answer]`; any
 * BOS token or separator is a symbol inside these arrays, exactly as the format writes it.
 */
export interface Example {
  prompt: string[];
  cot: string[];
  answer: string[];
  /** Task facts: the task name, the input (e.g. `a`, `b`), the split. JSON-serialisable. */
  meta: Record<string, unknown>;
}

/**
 * A way of writing a task's inputs as chain-of-thought. Formats are bound to the task parameters
 * they were made with (digits, bits, …).
 */
export interface Format<I = unknown> {
  readonly name: string;
  /** One line for `cotlab corpus list`. */
  readonly description: string;
  /** Writes one input as an example. */
  write(input: I): Example;
  /**
   * The symbols of this format's vocabulary in id order (id = index). `[UNK]` is id 0 (also the
   * padding id) and `[BOS]` id 1 in every cotlab format. Given `params`, the vocabulary for those
   * parameters instead of the bound ones.
   */
  vocabulary(params?: Record<string, unknown>): string[];
  /**
   * Parses a model's continuation (the symbols generated after the prompt) into the answer
   * symbols, or undefined when it is malformed. Trailing symbols after the answer are ignored.
   */
  answerOf(continuation: readonly string[]): string[] | undefined;
  /** The example written as one line in the format's own notation. */
  text(example: Example): string;
  /** The total sequence length when it is the same for every input, else undefined. */
  readonly fixedLength?: number | undefined;
  /** The answer length when it is the same for every input, else undefined. */
  readonly answerLength?: number | undefined;
  /** The prompt length when it is the same for every input, else undefined. */
  readonly promptLength?: number | undefined;
  /**
   * Optional fast path: given an encoder of this format's vocabulary, a function that writes an
   * input's whole sequence as ids into `out` at `offset` and returns the next offset, with the
   * same result as encoding `write(input)`. Only for fixed-length formats.
   */
  idWriter?(encoder: { idOf(symbol: string): number }): IdWriter<I> | undefined;
}

/** Typed arrays that hold token ids (a shard's chunk buffer is one of these). */
export type IdArray = Int32Array | Uint16Array | Uint8Array;

/**
 * Writes an input's whole sequence as ids into `out` at `offset`; returns the next offset. `out`
 * may be any id array whose type holds the vocabulary's ids (shards write straight into theirs).
 */
export interface IdWriter<I> {
  write(input: I, out: IdArray, offset: number): number;
}

/** Description of a task parameter, for listings and the CLI. */
export interface ParameterInfo {
  name: string;
  description: string;
  default?: unknown;
}

/**
 * A task: a distribution of inputs, a deterministic train/test split of them, and the formats
 * that write them as chain-of-thought. Built by `createTask(name, params)`.
 */
export interface Task<I = unknown> {
  readonly name: string;
  /** The normalised parameters (defaults filled in), including `format`. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Names of the formats this task can be written in. */
  readonly formats: readonly string[];
  /** The selected format (`params.format`, or the task's default). */
  readonly format: Format<I>;
  /** Any of this task's formats by name; throws UnknownNameError listing the valid ones. */
  formatOf(name: string): Format<I>;
  /** Draws one input uniformly from the task's input space. */
  drawInput(rng: Rng): I;
  /** Draws one example in the selected format (its `meta.split` says where it belongs). */
  draw(rng: Rng): Example;
  /** Writes a given input in the selected format. */
  example(input: I): Example;
  /** The split of an input or of an example this task wrote (deterministic, by input only). */
  split(inputOrExample: I | Example): Split;
  /** A canonical string key of an input (equal keys ⇔ equal inputs). */
  keyOf(input: I): string;
  /** Number of distinct inputs, when it is small enough to matter (≤ 2^53), else undefined. */
  readonly inputCount: number | undefined;
  /** Every input in a fixed order, when the input space is finite. */
  inputs?(): Iterable<I>;
  /** The vocabulary of the selected format. */
  vocabulary(): string[];
  /** The split rule in words, recorded in dataset cards. */
  readonly splitRule: string;
}
