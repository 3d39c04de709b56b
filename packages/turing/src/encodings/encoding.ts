import type { CompiledMachine } from '../compile.js';
import type { Input } from '../input.js';
import type { RunResult } from '../result.js';
import type { MachineSpec } from '../spec.js';

/** The names of the CoT encodings of a run. */
export type EncodingName = 'transitions' | 'snapshots' | 'incremental';

export interface EncodeOptions {
  /** Stop after this many steps (default DEFAULT_MAX_STEPS); the stream then ends with `<limit>`. */
  maxSteps?: number;
  /** Checked every step; an aborted stream stops without an outcome token (the result says 'aborted'). */
  signal?: AbortSignal;
}

/**
 * A way to write a machine's run as chain-of-thought tokens. The input word is the prompt and is
 * not part of the stream; every stream ends with an outcome token (`<accept>`, `<reject>`,
 * `<halt>`, or `<limit>` when the step limit cut it short).
 *
 * Lengths are given in terms of t, the steps executed, and s, the tape width: the number of cells
 * from the leftmost to the rightmost ever visited by the head or holding input (at least 1).
 */
export interface CotEncoding {
  readonly name: EncodingName;
  readonly summary: string;
  /** The length in tokens as a formula of t and s, e.g. `4t + 2`. */
  readonly lengthFormula: string;
  /** Whether `length(t, s)` is exact (true) or an upper bound (false). */
  readonly exactLength: boolean;
  /** Length in tokens of a run of t steps on a tape of width s (exact or an upper bound, see `exactLength`). */
  length(t: number, s: number): number;
  /**
   * Every token the encoding can emit for this machine, in a fixed order (special tokens, states,
   * symbols, moves): a word-level vocabulary for `@cotlab/tokenizer`.
   */
  vocabulary(machine: MachineSpec | CompiledMachine): string[];
  /**
   * Streams the run's tokens as ids (positions in `vocabulary(machine)`), in chunks of about
   * 16k; the generator returns the run's result. The fast path for datasets.
   */
  encodeIds(machine: MachineSpec | CompiledMachine, input?: Input, options?: EncodeOptions): Generator<Int32Array, RunResult>;
  /** Streams the run's tokens one by one; the generator returns the run's result. */
  encode(machine: MachineSpec | CompiledMachine, input?: Input, options?: EncodeOptions): Generator<string, RunResult>;
}
