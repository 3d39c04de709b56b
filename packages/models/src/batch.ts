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
 * The position blocks of `blocks` that a batch of padded length P reaches (a block starting at or
 * after P has no rows), or undefined for all positions.
 */
function reachedBlocks(model: Model, length: number, blocks: readonly number[] | undefined): readonly number[] | undefined {
  if (blocks === undefined) return undefined;
  const bounds = model.positionBlocks;
  if (bounds === undefined) throw new Error(`models: internal: a ${model.config.kind} model has no position blocks to split a batch by`);
  return blocks.filter((i) => bounds[i]![0] < length);
}

/** For each row of `features(ids, blocks)`: its index b·P + position in the packed batch. */
export function blockRows(model: Model, batch: PackedBatch, blocks: readonly number[]): Int32Array {
  const bounds = model.positionBlocks!;
  const positions = blocks.flatMap((i) => {
    const [start, end] = bounds[i]!;
    return Array.from({ length: Math.min(end, batch.length) - start }, (_, k) => start + k);
  });
  const rows = new Int32Array(batch.size * positions.length);
  for (let b = 0; b < batch.size; b++) for (const [k, pos] of positions.entries()) rows[b * positions.length + k] = b * batch.length + pos;
  return rows;
}

/**
 * Σ over weighted targets of −log p(target) (a scalar tensor): the output layer fused with the
 * loss; `differentiable: false` (evaluation) skips the gradient work the training op does early.
 * `blocks` (models with position blocks): only the targets at those blocks' positions, computed
 * from those blocks alone — a share of the batch's loss whose sum over a partition of the blocks
 * is the whole.
 */
export function lossSum(model: Model, batch: PackedBatch, differentiable = true, blocks?: readonly number[]): tf.Scalar {
  const ids = tf.tensor2d(batch.inputs, [batch.size, batch.length], 'int32');
  const loss = differentiable ? affineCrossEntropySum : affineCrossEntropyValue;
  const reached = reachedBlocks(model, batch.length, blocks);
  if (reached === undefined) {
    const { hidden, weight, bias } = model.features(ids);
    return loss(hidden, weight, bias, tf.tensor1d(batch.targets, 'int32'), tf.tensor1d(batch.weights));
  }
  const rows = blockRows(model, batch, reached);
  const { hidden, weight, bias } = model.features(ids, reached);
  const targets = Int32Array.from(rows, (r) => batch.targets[r]!);
  const weights = Float32Array.from(rows, (r) => batch.weights[r]!);
  return loss(hidden, weight, bias, tf.tensor1d(targets, 'int32'), tf.tensor1d(weights));
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
 * or into fresh arrays. `blocks`: the share of the loss at those position blocks (see {@link lossSum});
 * `into` may then hold only the variables that share reads (`Model.variablesRead`).
 */
export function gradients(model: Model, batch: PackedBatch, into: GradientMap = gradientBuffers(model), add = false, blocks?: readonly number[]): { loss: number; grads: GradientMap } {
  if (reachedBlocks(model, batch.length, blocks)?.length === 0) {
    // none of this share's positions occur in the batch: it adds nothing
    if (!add) for (const g of into.values()) g.fill(0);
    return { loss: 0, grads: into };
  }
  const names = [...model.variables.keys()];
  const vars = names.map((n) => model.variables.get(n)!);
  const { value, grads } = tf.variableGrads(() => lossSum(model, batch, true, blocks), vars);
  const loss = value.dataSync()[0]!;
  value.dispose();
  for (const [i, name] of names.entries()) {
    const g = grads[vars[i]!.name];
    const target = into.get(name);
    if (target === undefined) {
      // a worker's buffers cover only what its share reads (Model.variablesRead): say if that is wrong
      if (g !== undefined) throw new Error(`models: internal: a gradient of ${name}, which this share was said not to read`);
      continue;
    }
    if (g !== undefined) copyOrAdd(target, valuesOf(g), add);
    else if (!add) target.fill(0);
  }
  tf.dispose(Object.values(grads));
  return { loss, grads: into };
}

/**
 * Summed loss, gradients and target count of `seqs`, computed `chunk` sequences per pass: the
 * same sums as one pass, in the memory of `chunk` sequences. The gradients go into `into`
 * (`add`: added to what it holds), else into fresh arrays. `blocks`: see {@link gradients}.
 */
export function gradientsInChunks(model: Model, seqs: readonly TokenSequenceLike[], chunk: number, into: GradientMap = gradientBuffers(model), add = false, blocks?: readonly number[]): { loss: number; grads: GradientMap; tokens: number } {
  let loss = 0;
  let tokens = 0;
  for (let i = 0; i < seqs.length; i += chunk) {
    const batch = packBatch(model, seqs.slice(i, i + chunk));
    loss += gradients(model, batch, into, add || i > 0, blocks).loss;
    tokens += batch.tokens;
  }
  return { loss, grads: into, tokens };
}
