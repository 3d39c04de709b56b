import { CorpusError, InvalidParameterError } from './errors.js';
import { createSymbolEncoder, makeLossMask, type LossMaskKind, type SymbolEncoder, type TokenSequence } from './encode.js';
import { createRng } from './rng.js';
import type { Example, Split, Task } from './types.js';

/** Which examples a dataset holds: one split, or both (each record keeps its label). */
export type SplitChoice = Split | 'all';
export const SPLIT_CHOICES: readonly SplitChoice[] = ['train', 'test', 'all'];

/** How a dataset picks its inputs. */
export interface DatasetOptions<I = unknown> {
  /** Which split to emit (default `all`). Records always carry their own label. */
  split?: SplitChoice;
  /**
   * How many examples. With `inputs`, ignored; when the input space is enumerated, at most this
   * many (default: all of them); when sampling, required.
   */
  count?: number;
  /** Seed of the sampler (default 0). */
  seed?: number;
  /**
   * `sample` (default): inputs drawn uniformly with replacement, filtered by split.
   * `enumerate`: every input of the task in its fixed order, filtered by split.
   * `shuffle`: every input in an order fixed by the seed (input spaces up to 2^24).
   */
  order?: 'sample' | 'enumerate' | 'shuffle';
  /** With `sample`: never repeat an input (needs count ≤ the inputs of the split). */
  unique?: boolean;
  /** Explicit inputs, emitted exactly in this order with their split labels. */
  inputs?: readonly I[];
  /** Called every `progressEvery` examples with the count so far and the target (if known). */
  onProgress?: (p: { done: number; total: number | undefined }) => void;
  progressEvery?: number;
  /** Stops the stream at the next example once aborted (the consumer sees the stream end). */
  signal?: AbortSignal;
}

/** The largest input space `shuffle` permutes in memory. */
export const MAX_SHUFFLE_INPUTS = 2 ** 24;
/** Sampling gives up after this many draws per wanted example (a split that is nearly empty). */
const MAX_DRAWS_PER_EXAMPLE = 1000;

/** Number of inputs of a task in a split, by enumeration when small, else estimated as 3/4 / 1/4. */
function splitCapacity(task: Task, split: SplitChoice): number | undefined {
  if (task.inputCount === undefined) return undefined;
  if (split === 'all') return task.inputCount;
  if (task.inputCount <= 1_000_000 && task.inputs !== undefined) {
    let n = 0;
    for (const x of task.inputs()) if (task.split(x) === split) n++;
    return n;
  }
  return Math.floor(task.inputCount * (split === 'train' ? 0.74 : 0.24));
}

/**
 * Checks dataset options against a task before any work starts; throws naming the bad option.
 *
 * @example validateDatasetOptions(task, { split: 'train' }) // throws: sampling needs a count
 */
export function validateDatasetOptions<I>(task: Task<I>, options: DatasetOptions<I>): void {
  const split = options.split ?? 'all';
  if (!(['train', 'test', 'all'] as const).includes(split)) throw new InvalidParameterError(task.name, 'split', 'train, test or all', split);
  const { count, seed = 0, order = 'sample' } = options;
  if (count !== undefined && !(Number.isSafeInteger(count) && count >= 0)) throw new InvalidParameterError(task.name, 'count', 'an integer ≥ 0', count);
  if (!Number.isSafeInteger(seed)) throw new InvalidParameterError(task.name, 'seed', 'a safe integer', seed);
  if (options.inputs !== undefined) {
    // Explicit inputs are checked (by computing their split) before the first is written.
    for (const input of options.inputs) task.split(input);
    return;
  }
  if (order === 'sample') {
    if (count === undefined) throw new InvalidParameterError(task.name, 'count', "a number of examples (sampling has no natural end; or use order 'enumerate')", count);
    if (options.unique === true) {
      const cap = splitCapacity(task, split);
      if (cap !== undefined && count > cap) throw new InvalidParameterError(task.name, 'count', `at most ${cap} (the distinct inputs of split '${split}')`, count);
    }
  } else {
    if (task.inputs === undefined) throw new InvalidParameterError(task.name, 'order', "'sample' (this task's inputs cannot be enumerated)", order);
    if (order === 'shuffle' && (task.inputCount ?? Infinity) > MAX_SHUFFLE_INPUTS) {
      throw new InvalidParameterError(task.name, 'order', `'sample' or 'enumerate' (shuffle holds at most ${MAX_SHUFFLE_INPUTS} inputs in memory, this task has ${task.inputCount})`, order);
    }
  }
}

/**
 * The inputs of a dataset, in order, each with its split. Deterministic for a given task, seed and
 * options. Bad options throw before the first input.
 *
 * @example
 * for (const { input, split } of datasetInputs(task, { split: 'test', count: 10, seed: 1 })) …
 */
export function datasetInputs<I>(task: Task<I>, options: DatasetOptions<I>): Iterable<{ input: I; split: Split }> {
  validateDatasetOptions(task, options);
  return generateInputs(task, options);
}

function* generateInputs<I>(task: Task<I>, options: DatasetOptions<I>): Generator<{ input: I; split: Split }> {
  const want = options.split ?? 'all';
  const { count, seed = 0, order = 'sample', signal, onProgress } = options;
  const every = options.progressEvery ?? 1000;
  let done = 0;
  const emit = (): boolean => {
    done++;
    if (onProgress !== undefined && done % every === 0) onProgress({ done, total: count ?? options.inputs?.length });
    return signal?.aborted === true;
  };
  if (options.inputs !== undefined) {
    for (const input of options.inputs) {
      if (signal?.aborted === true) return;
      yield { input, split: task.split(input) };
      if (emit()) return;
    }
  } else if (order === 'sample') {
    const rng = createRng(seed);
    const seen = options.unique === true ? new Set<string>() : undefined;
    const limit = count ?? 0;
    let draws = 0;
    while (done < limit) {
      if (signal?.aborted === true) return;
      const input = task.drawInput(rng);
      if (++draws > MAX_DRAWS_PER_EXAMPLE * (done + 1)) {
        throw new CorpusError(`task '${task.name}' gave no new '${want}' input in ${draws} draws; ask for fewer examples`, 'count');
      }
      const split = task.split(input);
      if (want !== 'all' && split !== want) continue;
      if (seen !== undefined) {
        const key = task.keyOf(input);
        if (seen.has(key)) continue;
        seen.add(key);
      }
      yield { input, split };
      if (emit()) return;
    }
  } else {
    const all = task.inputs!();
    let source: Iterable<I> = all;
    if (order === 'shuffle') {
      const arr = [...all];
      const rng = createRng(seed);
      for (let i = arr.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = arr[i]!;
        arr[i] = arr[j]!;
        arr[j] = t;
      }
      source = arr;
    }
    const limit = count ?? Infinity;
    for (const input of source) {
      if (done >= limit || signal?.aborted === true) return;
      const split = task.split(input);
      if (want !== 'all' && split !== want) continue;
      yield { input, split };
      if (emit()) return;
    }
  }
  onProgress?.({ done, total: count ?? options.inputs?.length });
}

/**
 * A dataset as examples (symbols), each with `meta.split`.
 *
 * @example
 * const task = createTask('multiplication', { digits: '2x2', format: 'stepwise' });
 * const test = [...datasetExamples(task, { split: 'test', order: 'enumerate' })]; // 2,026 examples
 */
export function datasetExamples<I>(task: Task<I>, options: DatasetOptions<I>): Iterable<Example> {
  const inputs = datasetInputs(task, options);
  return (function* () {
    for (const { input } of inputs) yield task.example(input);
  })();
}

/** Options of a token-sequence dataset. */
export interface SequenceOptions<I = unknown> extends DatasetOptions<I> {
  /** Train on every position (`all`, the paper's choice, default) or only on the CoT and answer. */
  lossMask?: LossMaskKind;
}

/**
 * A dataset as token sequences `{ ids, lossMask, split }`: the records the models package trains
 * on. Ids follow the task's vocabulary (`task.vocabulary()`, id = index).
 *
 * @example
 * const train = datasetSequences(createTask('multiplication', { format: 'malach' }), { split: 'train', count: 1000, seed: 1 });
 */
export function datasetSequences<I>(task: Task<I>, options: SequenceOptions<I>): Iterable<TokenSequence> {
  const encoder = createSymbolEncoder(task.vocabulary());
  const kind = options.lossMask ?? 'all';
  if (kind !== 'all' && kind !== 'cot-answer') throw new InvalidParameterError(task.name, 'lossMask', 'all or cot-answer', kind);
  const inputs = datasetInputs(task, options);
  return (function* () {
    for (const record of encodedInputs(task, inputs, encoder)) {
      yield { ids: record.ids.slice(), lossMask: makeLossMask(record.ids.length, record.promptLength, kind), split: record.split };
    }
  })();
}

/** An encoded record in a reused buffer: valid until the next one. */
export interface EncodedRecord<I> {
  input: I;
  ids: Int32Array;
  promptLength: number;
  split: Split;
}

/**
 * Encodes inputs to ids, reusing one buffer per length when the format has a fixed length and a
 * fast id writer (the malach format does): the hot path of shard writing.
 *
 * @example for (const r of encodedInputs(task, datasetInputs(task, { count: 10 }), createSymbolEncoder(task.vocabulary()))) r.ids;
 */
export function* encodedInputs<I>(task: Task<I>, inputs: Iterable<{ input: I; split: Split }>, encoder: SymbolEncoder): Generator<EncodedRecord<I>> {
  const format = task.format;
  const fixed = format.fixedLength;
  const fast = fixed !== undefined ? format.idWriter?.(encoder) : undefined;
  if (fast !== undefined && fixed !== undefined) {
    const buffer = new Int32Array(fixed);
    const promptLength = format.promptLength!;
    for (const { input, split } of inputs) {
      fast.write(input, buffer, 0);
      yield { input, ids: buffer, promptLength, split };
    }
    return;
  }
  for (const { input, split } of inputs) {
    const ex = format.write(input);
    const ids = new Int32Array(ex.prompt.length + ex.cot.length + ex.answer.length);
    let o = encoder.encodeInto(ex.prompt, ids, 0);
    o = encoder.encodeInto(ex.cot, ids, o);
    encoder.encodeInto(ex.answer, ids, o);
    yield { input, ids, promptLength: ex.prompt.length, split };
  }
}
