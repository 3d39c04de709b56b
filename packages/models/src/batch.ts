import { ModelArgumentError } from './errors.js';
import { affineCrossEntropySum, affineCrossEntropyValue } from './head.js';
import type { Model } from './model.js';
import { copyOrAdd, valuesOf } from './tensor-view.js';
import { tf } from './tf.js';

/** One training record: token ids and, optionally, which targets count (1 = train on ids[i]). */
export interface TokenSequenceLike {
  ids: ArrayLike<number>;
  /** lossMask[i] = 1: train on predicting ids[i] from ids[<i]; lossMask[0] is ignored. Default: all 1. */
  lossMask?: ArrayLike<number>;
}

/** A batch ready for the model: inputs, next-token targets and the 0/1 loss weight, padded to P. */
export interface PackedBatch {
  size: number;
  length: number;
  inputs: Int32Array;
  targets: Int32Array;
  weights: Float32Array;
  /** Targets that count (Σ weights). */
  tokens: number;
}

/**
 * Packs sequences for next-token training: inputs ids[0..L−2], targets ids[1..L−1] weighted by
 * lossMask[1..L−1], right-padded with 0 (weight 0) to the model's padded length.
 *
 * @example const batch = packBatch(model, [{ ids: [1, 5, 7] }]);
 */
export function packBatch(model: Model, sequences: readonly TokenSequenceLike[]): PackedBatch {
  const { contextLength: T, vocabSize: V } = model.config;
  let maxLen = 1;
  for (const seq of sequences) maxLen = Math.max(maxLen, seq.ids.length - 1);
  if (maxLen > T) {
    const bad = sequences.findIndex((s) => s.ids.length - 1 > T);
    throw new ModelArgumentError(`training sequence ${bad} length`, `at most contextLength + 1 = ${T + 1} tokens`, sequences[bad]!.ids.length);
  }
  const P = model.paddedLength(maxLen);
  const B = sequences.length;
  const inputs = new Int32Array(B * P);
  const targets = new Int32Array(B * P);
  const weights = new Float32Array(B * P);
  let tokens = 0;
  for (const [b, seq] of sequences.entries()) {
    const { ids, lossMask } = seq;
    if (lossMask !== undefined && lossMask.length !== ids.length) {
      throw new ModelArgumentError(`training sequence ${b} lossMask.length`, `ids.length = ${ids.length}`, lossMask.length);
    }
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (!Number.isInteger(id) || id < 0 || id >= V) throw new ModelArgumentError(`training sequence ${b} token ${i}`, `an id in [0, ${V - 1}]`, id);
    }
    for (let i = 0; i + 1 < ids.length; i++) {
      inputs[b * P + i] = ids[i]!;
      targets[b * P + i] = ids[i + 1]!;
      const w = lossMask === undefined ? 1 : lossMask[i + 1]! ? 1 : 0;
      weights[b * P + i] = w;
      tokens += w;
    }
  }
  return { size: B, length: P, inputs, targets, weights, tokens };
}

/**
 * Σ over weighted targets of −log p(target) (a scalar tensor): the output layer fused with the
 * loss; `differentiable: false` (evaluation) skips the gradient work the training op does early.
 */
export function lossSum(model: Model, batch: PackedBatch, differentiable = true): tf.Scalar {
  const { hidden, weight, bias } = model.features(tf.tensor2d(batch.inputs, [batch.size, batch.length], 'int32'));
  const loss = differentiable ? affineCrossEntropySum : affineCrossEntropyValue;
  return loss(hidden, weight, bias, tf.tensor1d(batch.targets, 'int32'), tf.tensor1d(batch.weights));
}

/** Gradient arrays by variable name. */
export type GradientMap = Map<string, Float32Array>;

/** One zeroed array per variable of `model`, to accumulate gradients into step after step. */
export function gradientBuffers(model: Model): GradientMap {
  const out: GradientMap = new Map();
  for (const [name, v] of model.variables) out.set(name, new Float32Array(v.size));
  return out;
}

/**
 * Summed loss and gradients (not yet divided by the token count) for one packed batch, written
 * into `into` (from {@link gradientBuffers}; `add`: added to what it holds) without allocating,
 * or into fresh arrays.
 */
export function gradients(model: Model, batch: PackedBatch, into: GradientMap = gradientBuffers(model), add = false): { loss: number; grads: GradientMap } {
  const names = [...model.variables.keys()];
  const vars = names.map((n) => model.variables.get(n)!);
  const { value, grads } = tf.variableGrads(() => lossSum(model, batch), vars);
  const loss = value.dataSync()[0]!;
  value.dispose();
  for (const [i, name] of names.entries()) {
    const g = grads[vars[i]!.name];
    const target = into.get(name)!;
    if (g !== undefined) copyOrAdd(target, valuesOf(g), add);
    else if (!add) target.fill(0);
  }
  tf.dispose(Object.values(grads));
  return { loss, grads: into };
}

/**
 * Summed loss, gradients and target count of `seqs`, computed `chunk` sequences per pass: the
 * same sums as one pass, in the memory of `chunk` sequences. The gradients go into `into`
 * (`add`: added to what it holds), else into fresh arrays.
 */
export function gradientsInChunks(model: Model, seqs: readonly TokenSequenceLike[], chunk: number, into: GradientMap = gradientBuffers(model), add = false): { loss: number; grads: GradientMap; tokens: number } {
  let loss = 0;
  let tokens = 0;
  for (let i = 0; i < seqs.length; i += chunk) {
    const batch = packBatch(model, seqs.slice(i, i + chunk));
    loss += gradients(model, batch, into, add || i > 0).loss;
    tokens += batch.tokens;
  }
  return { loss, grads: into, tokens };
}
