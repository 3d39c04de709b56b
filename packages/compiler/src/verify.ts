import { createRng, type Task } from '@cotlab/corpus';
import { run, type Input } from '@cotlab/turing';
import { checkInt, CompilerArgumentError } from './errors.js';
import type { MachineProgram } from './machine-program.js';
import { sparseGenerate, toSparsePredictor, type SparsePredictor } from './sparse-predictor.js';

/** Inputs up to this many bits are all checked (2^16 = 65,536); larger ones are sampled. */
export const EXHAUSTIVE_BITS = 16;
/** Random inputs checked beyond {@link EXHAUSTIVE_BITS} when the caller does not say. */
export const DEFAULT_SAMPLES = 2000;

/** The outcome of checking a compiled predictor against its reference on many inputs. */
export interface Verification {
  name: string;
  /** Inputs checked. */
  checked: number;
  /** Whether every input of the domain was checked (else a seeded random sample). */
  exhaustive: boolean;
  /** Inputs on which the predictor's greedy output differed from the reference. */
  failures: number;
  /** The first differing input, with both sequences as text. */
  firstFailure?: { input: string; expected: string; received: string };
}

export interface VerifyOptions {
  /** Random inputs when the domain is too large to enumerate (default {@link DEFAULT_SAMPLES}). */
  samples?: number;
  seed?: number;
  /** Checked between inputs; an aborted check throws the signal's reason. */
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number }) => void;
}

function text(vocab: readonly string[], ids: ArrayLike<number>): string {
  return Array.from(ids, (i) => vocab[i] ?? '?').join(' ');
}

/**
 * Checks a compiled predictor against a fixed-length corpus task token for token: from each
 * input's prompt, greedy generation must write exactly the task's chain of thought and answer.
 * Every input when the task has at most 2^{@link EXHAUSTIVE_BITS} of them, else `samples` seeded
 * random inputs.
 *
 * @example verifyAgainstTask(toSparsePredictor(countLogParityProgram(16)), createParityTask({ bits: 16, format: 'count-log' }))
 */
export function verifyAgainstTask<I>(predictor: SparsePredictor, task: Task<I>, options: VerifyOptions = {}): Verification {
  const samples = checkInt('samples', options.samples ?? DEFAULT_SAMPLES, 1);
  const vocab = task.vocabulary();
  if (vocab.join(' ') !== predictor.vocabulary.join(' ')) throw new CompilerArgumentError('task vocabulary', `the predictor's (${predictor.vocabulary.join(' ')})`, vocab.join(' '));
  const index = new Map(vocab.map((s, i) => [s, i]));
  const exhaustive = task.inputs !== undefined && task.inputCount !== undefined && task.inputCount <= 2 ** EXHAUSTIVE_BITS;
  const total = exhaustive ? (task.inputCount ?? 0) : samples;
  let inputs: Iterable<I>;
  if (exhaustive) inputs = task.inputs!();
  else {
    const rng = createRng(options.seed ?? 0);
    inputs = (function* () {
      for (let k = 0; k < samples; k++) yield task.drawInput(rng);
    })();
  }
  const result: Verification = { name: predictor.name, checked: 0, exhaustive, failures: 0 };
  for (const input of inputs) {
    if (options.signal?.aborted) throw options.signal.reason;
    const ex = task.example(input);
    const ids = Int32Array.from([...ex.prompt, ...ex.cot, ...ex.answer], (s) => index.get(s) ?? -1);
    if (ids.length !== predictor.length) throw new CompilerArgumentError('task sequence length', `${predictor.length} (the predictor's)`, ids.length);
    const got = sparseGenerate(predictor, ids.subarray(0, ex.prompt.length));
    result.checked++;
    if (!got.every((v, i) => v === ids[i])) {
      result.failures++;
      result.firstFailure ??= { input: task.keyOf(input), expected: text(vocab, ids), received: text(vocab, got) };
    }
    if (result.checked % 4096 === 0) options.onProgress?.({ done: result.checked, total });
  }
  options.onProgress?.({ done: result.checked, total });
  return result;
}

/**
 * Checks a compiled machine against the `@cotlab/turing` simulator: for each input word, the
 * predictor's answer (final window and state) must equal the simulator's final tape and state.
 * A run that does not halt within the bounds' steps, or leaves the window, counts as a failure.
 *
 * @example verifyMachineProgram(compileMachineProgram(spec, bounds), ['1+1', '10+1'])
 */
export function verifyMachineProgram(mp: MachineProgram, inputs: Iterable<Input>, options: Pick<VerifyOptions, 'signal' | 'onProgress'> & { predictor?: SparsePredictor } = {}): Verification {
  const predictor = options.predictor ?? toSparsePredictor(mp.program);
  const { cells, left, steps } = mp.bounds;
  const m = mp.machine;
  const words = [...inputs];
  const result: Verification = { name: mp.program.name, checked: 0, exhaustive: true, failures: 0 };
  const vocab = mp.program.vocabulary;
  for (const input of words) {
    if (options.signal?.aborted) throw options.signal.reason;
    const r = run(m, input, { maxSteps: steps });
    const tape = Array.from({ length: cells }, (_, p) => r.tape.symbols[p - left - r.tape.start] ?? m.symbols[0]!);
    const inside = r.tape.start >= -left && r.tape.start + r.tape.symbols.length <= cells - left;
    const expected = mp.answerIds(tape, r.state);
    const got = sparseGenerate(predictor, mp.prompt(input));
    const answer = got.subarray(got.length - expected.length);
    result.checked++;
    if (!r.halted || !inside || !answer.every((v, i) => v === expected[i])) {
      result.failures++;
      result.firstFailure ??= {
        input: typeof input === 'string' ? input : input.join(' '),
        expected: `${text(vocab, expected)}${r.halted ? '' : ' (did not halt within the bounds)'}${inside ? '' : ' (left the window)'}`,
        received: text(vocab, answer),
      };
    }
    options.onProgress?.({ done: result.checked, total: words.length });
  }
  return result;
}
