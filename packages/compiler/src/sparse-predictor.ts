import { CompilerArgumentError } from './errors.js';
import { programLength, validateProgram, type LinearProgram } from './program.js';

/**
 * Margin of a threshold step: the gate's integer sum S and threshold θ give
 * logit(one) − logit(zero) = S − θ + 1/2, so the decision is never a tie (weights are integers).
 */
export const THRESHOLD_MARGIN = 0.5;

/**
 * A linear next-token predictor in sparse per-position form. The logit of token v after position
 * i is `bias[v] + Σ value` over the entries (i, j, u, v) with j ≤ i and x_j = u: exactly the
 * paper's masked linear predictor with one-hot embeddings (d = V), storing only its non-zero
 * weights. Entries of output position i are `start[i] … start[i+1]−1` of the parallel arrays.
 */
export interface SparsePredictor {
  readonly name: string;
  readonly vocabulary: readonly string[];
  /** Sequence length the predictor is defined on (prompt + chain of thought + answer). */
  readonly length: number;
  readonly promptLength: number;
  readonly bias: Float64Array;
  /** Offsets into the entry arrays per output position; length `length + 1`. */
  readonly start: Int32Array;
  readonly inPos: Int32Array;
  readonly inToken: Int32Array;
  readonly outToken: Int32Array;
  readonly value: Float64Array;
}

/**
 * Compiles a program into the exact weights of a linear predictor (sparse form). A threshold
 * step reads its terms into the logit of `one` plus (θ − 1/2) subtracted through the `[BOS]`
 * token at position 0, keeps `zero` at 0 and pushes every other token below both; a constant
 * step raises its token to 1; a select step copies each literal into its token's logit.
 *
 * @example
 * const p = toSparsePredictor(compileCircuitProgram(parityCircuit(4)));
 * p.length; // 1 + 4 + 1 + 5 + 1 + 1
 */
export function toSparsePredictor(program: LinearProgram): SparsePredictor {
  validateProgram(program);
  const V = program.vocabulary.length;
  const L = programLength(program);
  const start = new Int32Array(L + 1);
  const inPos: number[] = [];
  const inToken: number[] = [];
  const outToken: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < L; i++) {
    start[i] = inPos.length;
    const k = i - program.promptLength + 1;
    const step = k >= 0 && k < program.steps.length ? program.steps[k] : undefined;
    if (step === undefined) continue;
    const merged = new Map<number, number>();
    const add = (j: number, u: number, v: number, w: number): void => {
      const key = (j * V + u) * V + v;
      merged.set(key, (merged.get(key) ?? 0) + w);
    };
    if (step.kind === 'threshold') {
      let bound = Math.abs(step.threshold) + 1;
      for (const [j, u, w] of step.terms) {
        add(j, u, step.one, w);
        bound += Math.abs(w);
      }
      add(0, program.bos, step.one, THRESHOLD_MARGIN - step.threshold);
      for (let v = 0; v < V; v++) if (v !== step.one && v !== step.zero) add(0, program.bos, v, -bound);
    } else if (step.kind === 'constant') {
      add(0, program.bos, step.token, 1);
    } else {
      for (const [j, u, e] of step.options) add(j, u, e, 1);
    }
    for (const [key, w] of [...merged].sort((a, b) => a[0] - b[0])) {
      if (w === 0) continue;
      const v = key % V;
      const u = Math.floor(key / V) % V;
      const j = Math.floor(key / (V * V));
      inPos.push(j);
      inToken.push(u);
      outToken.push(v);
      value.push(w);
    }
  }
  start[L] = inPos.length;
  return {
    name: program.name,
    vocabulary: program.vocabulary,
    length: L,
    promptLength: program.promptLength,
    bias: new Float64Array(V),
    start,
    inPos: Int32Array.from(inPos),
    inToken: Int32Array.from(inToken),
    outToken: Int32Array.from(outToken),
    value: Float64Array.from(value),
  };
}

/** Non-zero weights of a sparse predictor (its parameter count in sparse form, biases included). */
export function sparseParameterCount(p: SparsePredictor): number {
  let biases = 0;
  for (const b of p.bias) if (b !== 0) biases++;
  return p.value.length + biases;
}

/**
 * Logits after position `i` of a sequence (only positions ≤ i are read), in float64.
 *
 * @example sparseLogits(p, ids, p.promptLength - 1) // Float64Array of vocabulary size
 */
export function sparseLogits(p: SparsePredictor, ids: ArrayLike<number>, i: number, out = new Float64Array(p.vocabulary.length)): Float64Array {
  if (!(Number.isInteger(i) && i >= 0 && i < p.length && i < ids.length)) throw new CompilerArgumentError('i', `a position in [0, ${Math.min(p.length, ids.length)})`, i);
  out.set(p.bias);
  for (let e = p.start[i]!, end = p.start[i + 1]!; e < end; e++) {
    if (ids[p.inPos[e]!] === p.inToken[e]) out[p.outToken[e]!]! += p.value[e]!;
  }
  return out;
}

/**
 * Greedy generation from a prompt to the predictor's full length (ties go to the lowest id, as in
 * `@cotlab/models`' `generate`).
 *
 * @example sparseGenerate(p, promptIds) // Int32Array of p.length ids, the prompt first
 */
export function sparseGenerate(p: SparsePredictor, prompt: ArrayLike<number>): Int32Array {
  if (prompt.length < 1 || prompt.length > p.length) throw new CompilerArgumentError('prompt', `1 to ${p.length} tokens`, `${prompt.length} tokens`);
  const seq = new Int32Array(p.length);
  for (let i = 0; i < prompt.length; i++) seq[i] = prompt[i]!;
  const logits = new Float64Array(p.vocabulary.length);
  for (let i = prompt.length - 1; i < p.length - 1; i++) {
    sparseLogits(p, seq, i, logits);
    let best = 0;
    for (let v = 1; v < logits.length; v++) if (logits[v]! > logits[best]!) best = v;
    seq[i + 1] = best;
  }
  return seq;
}
