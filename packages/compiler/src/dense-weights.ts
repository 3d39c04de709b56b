import { CompiledSizeError } from './errors.js';
import type { SparsePredictor } from './sparse-predictor.js';

/** A tensor in checkpoint form, structurally the `NamedTensor` of `@cotlab/models`. */
export interface DenseTensor {
  shape: number[];
  data: Float32Array;
}

/** Largest `linear1.weight` (entries) the dense export builds: (T·d)² ≤ 2^24 (64 MiB of float32). */
export const MAX_DENSE_ENTRIES = 2 ** 24;
/** Largest |logit| the dense (float32) form keeps exact: integers and halves are exact below 2^22. */
export const MAX_DENSE_MAGNITUDE = 2 ** 22;

/**
 * The paper's `LinearModel` size for a compiled predictor with one-hot embeddings (d = V):
 * T(T+1)/2·d² + T·d + 2·V·d + V, counted as `@cotlab/models`' `parameterCount` counts it.
 *
 * @example denseParameterCount(37, 7) // 33,712
 */
export function denseParameterCount(length: number, vocabSize: number): number {
  const d = vocabSize;
  return ((length * (length + 1)) / 2) * d * d + length * d + 2 * vocabSize * d + vocabSize;
}

/**
 * The compiled predictor in the paper's PyTorch `LinearModel` layout (the tensors `@cotlab/models`
 * imports with `modelFromTorchStateDict`): `in_embedding.weight` and `out_embedding.weight` are
 * the V×V identity (d = V), `out_embedding.bias` the predictor's bias, and `linear1.weight`
 * [T·d, T·d] holds entry (i, j, u, v) at row i·d + v, column j·d + u. Throws
 * {@link CompiledSizeError} when the matrix would exceed {@link MAX_DENSE_ENTRIES} or a weight
 * sum {@link MAX_DENSE_MAGNITUDE} (use the sparse form then).
 *
 * @example
 * const model = modelFromTorchStateDict(toTorchStateDict(toSparsePredictor(program)));
 */
export function toTorchStateDict(p: SparsePredictor): Map<string, DenseTensor> {
  const V = p.vocabulary.length;
  const d = V;
  const Td = p.length * d;
  if (Td * Td > MAX_DENSE_ENTRIES) throw new CompiledSizeError('(T·d)²', MAX_DENSE_ENTRIES, Td * Td, `'${p.name}' is too large for the dense layout (T = ${p.length}, d = ${d})`);
  for (let i = 0; i < p.length; i++) {
    let sum = 0;
    for (let e = p.start[i]!; e < p.start[i + 1]!; e++) sum += Math.abs(p.value[e]!);
    if (sum > MAX_DENSE_MAGNITUDE) throw new CompiledSizeError('Σ|weight| at a position', MAX_DENSE_MAGNITUDE, sum, `'${p.name}' has weights too large for float32 at position ${i}`);
  }
  const identity = new Float32Array(V * d);
  for (let v = 0; v < V; v++) identity[v * d + v] = 1;
  const W = new Float32Array(Td * Td);
  for (let i = 0; i < p.length; i++) {
    for (let e = p.start[i]!; e < p.start[i + 1]!; e++) {
      W[(i * d + p.outToken[e]!) * Td + p.inPos[e]! * d + p.inToken[e]!]! += p.value[e]!;
    }
  }
  return new Map<string, DenseTensor>([
    ['in_embedding.weight', { shape: [V, d], data: identity }],
    ['linear1.weight', { shape: [Td, Td], data: W }],
    ['linear1.bias', { shape: [Td], data: new Float32Array(Td) }],
    ['out_embedding.weight', { shape: [V, d], data: identity.slice() }],
    ['out_embedding.bias', { shape: [V], data: Float32Array.from(p.bias) }],
  ]);
}
