import { blockBounds, microBatchSize, parameterCount, type ModelConfig } from './config.js';
import { CheckpointShapeError, ModelArgumentError } from './errors.js';
import type { Model, OutputFeatures } from './model.js';
import { affine, embed, maskedLinear, rank1, rank2, slabMask, type MaskedBlock } from './ops.js';
import type { Rng } from './rng.js';
import type { NamedTensor } from './safetensors.js';
import { tf } from './tf.js';

/**
 * The paper's `LinearModel` (Malach 2023): token embedding → one causally masked linear map over
 * the whole context (output position i reads input positions j ≤ i) → [ReLU → per-position d×d
 * linear → ReLU, for `mlp`] → output embedding d→V with bias. `linear1.bias` exists in the paper's
 * state dict but is never used; it is kept only to be written back.
 */
export class LinearModel implements Model {
  readonly variables = new Map<string, tf.Variable>();
  private readonly blocks: (MaskedBlock & { start: number; end: number })[];
  private unusedBias: Float32Array;

  constructor(
    readonly config: Required<ModelConfig>,
    rng: Rng,
  ) {
    const { vocabSize: V, contextLength: T, dim: d } = config;
    this.blocks = blockBounds(T, config.blocks).map(([start, end]) => ({
      start,
      end,
      inWidth: end * d,
      outWidth: (end - start) * d,
      dim: d,
    }));
    // PyTorch's default initialisation, as the paper's code gets it: Embedding ~ N(0, 1),
    // Linear weight and bias ~ U(±1/√fan_in).
    this.add('in_embedding.weight', [V, d], () => rng.normal());
    const bound1 = 1 / Math.sqrt(T * d);
    for (const [b, blk] of this.blocks.entries()) {
      const mask = slabMask(blk.start, blk.end, d);
      let k = 0;
      this.add(`linear1.slab${b}`, [blk.inWidth, blk.outWidth], () => rng.uniform(-bound1, bound1) * mask[k++]!);
    }
    this.unusedBias = Float32Array.from({ length: T * d }, () => rng.uniform(-bound1, bound1));
    if (config.kind === 'mlp') {
      const bound2 = 1 / Math.sqrt(d);
      this.add('linear2.weightT', [d, d], () => rng.uniform(-bound2, bound2));
      this.add('linear2.bias', [d], () => rng.uniform(-bound2, bound2));
    }
    const boundOut = 1 / Math.sqrt(d);
    this.add('out_embedding.weightT', [d, V], () => rng.uniform(-boundOut, boundOut));
    this.add('out_embedding.bias', [V], () => rng.uniform(-boundOut, boundOut));
  }

  private add(name: string, shape: number[], init: () => number): void {
    const size = shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    for (let i = 0; i < size; i++) data[i] = init();
    this.variables.set(name, tf.variable(tf.tensor(data, shape), true, `${name}_${variableCounter++}`));
  }

  private v(name: string): tf.Variable {
    const v = this.variables.get(name);
    if (v === undefined) throw new Error(`models: internal: no variable '${name}'`);
    return v;
  }

  parameterCount(): number {
    return parameterCount(this.config);
  }

  decays(name: string): boolean {
    return !name.endsWith('.bias');
  }

  paddedLength(length: number): number {
    const blk = this.blocks.find((b) => b.end >= length);
    return blk === undefined ? this.config.contextLength : blk.end;
  }

  forward(ids: tf.Tensor2D): tf.Tensor2D {
    const { hidden, weight, bias } = this.features(ids);
    return affine(hidden, weight, bias);
  }

  get positionBlocks(): readonly (readonly [number, number])[] {
    return this.blocks.map((b) => [b.start, b.end] as const);
  }

  variablesRead(blocks: readonly number[]): ReadonlySet<string> {
    const unread = new Set(this.blocks.map((_, b) => `linear1.slab${b}`).filter((_, b) => !blocks.includes(b)));
    return new Set([...this.variables.keys()].filter((name) => !unread.has(name)));
  }

  features(ids: tf.Tensor2D, blocks?: readonly number[]): OutputFeatures {
    const [B, P] = ids.shape;
    const d = this.config.dim;
    const used = this.blocks.filter((b) => b.start < P);
    if (used.length === 0 || used[used.length - 1]!.end !== P) {
      throw new Error(`models: internal: forward needs a padded length from paddedLength(), got ${P}`);
    }
    const chosen = blocks ?? used.map((_, i) => i);
    for (const i of chosen) if (used[i] === undefined) throw new Error(`models: internal: block ${i} is not among the ${used.length} blocks of length ${P}`);
    const width = Math.max(...chosen.map((i) => used[i]!.inWidth));
    // input positions after the last chosen block's end are read by no chosen block
    const inputs = width === P * d ? ids : tf.slice(ids, [0, 0], [B, width / d]);
    const e = rank2(embed(rank2(this.v('in_embedding.weight')), rank1(inputs.reshape([B * (width / d)]))).reshape([B, width]));
    const slabs = chosen.map((i) => this.v(`linear1.slab${i}`) as tf.Tensor2D);
    const rows = chosen.reduce((n, i) => n + used[i]!.end - used[i]!.start, 0);
    let h = rank2(maskedLinear(e, slabs, chosen.map((i) => used[i]!)).reshape([B * rows, d]));
    if (this.config.kind === 'mlp') {
      h = tf.relu(h);
      h = tf.relu(affine(h, rank2(this.v('linear2.weightT')), rank1(this.v('linear2.bias'))));
    }
    return { hidden: h, weight: rank2(this.v('out_embedding.weightT')), bias: rank1(this.v('out_embedding.bias')) };
  }

  logits(batch: readonly ArrayLike<number>[]): Float32Array[] {
    return logitsOf(this, batch);
  }

  exportWeights(): Map<string, NamedTensor> {
    const { vocabSize: V, contextLength: T, dim: d } = this.config;
    const out = new Map<string, NamedTensor>();
    out.set('in_embedding.weight', { shape: [V, d], data: this.v('in_embedding.weight').dataSync() as Float32Array });
    const W = new Float32Array(T * d * T * d);
    const Td = T * d;
    for (const [b, blk] of this.blocks.entries()) {
      const slab = this.v(`linear1.slab${b}`).dataSync();
      for (let r = 0; r < blk.inWidth; r++) {
        for (let c = 0; c < blk.outWidth; c++) {
          // slab[(j·d + b'), (i − start)·d + a] = W[i·d + a, j·d + b']
          W[(blk.start * d + c) * Td + r] = slab[r * blk.outWidth + c]!;
        }
      }
    }
    out.set('linear1.weight', { shape: [Td, Td], data: W });
    out.set('linear1.bias', { shape: [Td], data: this.unusedBias.slice() });
    if (this.config.kind === 'mlp') {
      out.set('linear2.weight', { shape: [d, d], data: transpose(this.v('linear2.weightT').dataSync(), d, d) });
      out.set('linear2.bias', { shape: [d], data: this.v('linear2.bias').dataSync() as Float32Array });
    }
    out.set('out_embedding.weight', { shape: [V, d], data: transpose(this.v('out_embedding.weightT').dataSync(), d, V) });
    out.set('out_embedding.bias', { shape: [V], data: this.v('out_embedding.bias').dataSync() as Float32Array });
    return out;
  }

  importWeights(tensors: ReadonlyMap<string, NamedTensor>, source: string): void {
    const { vocabSize: V, contextLength: T, dim: d } = this.config;
    const Td = T * d;
    const expected: [string, number[]][] = [
      ['in_embedding.weight', [V, d]],
      ['linear1.weight', [Td, Td]],
      ['linear1.bias', [Td]],
      ...(this.config.kind === 'mlp'
        ? ([
            ['linear2.weight', [d, d]],
            ['linear2.bias', [d]],
          ] as [string, number[]][])
        : []),
      ['out_embedding.weight', [V, d]],
      ['out_embedding.bias', [V]],
    ];
    for (const [name, shape] of expected) checkShape(tensors, name, shape, source);
    const get = (name: string): Float32Array => tensors.get(name)!.data;
    this.v('in_embedding.weight').assign(tf.tensor(get('in_embedding.weight'), [V, d]));
    const W = get('linear1.weight');
    for (const [b, blk] of this.blocks.entries()) {
      const slab = new Float32Array(blk.inWidth * blk.outWidth);
      for (let r = 0; r < blk.inWidth; r++) {
        const j = Math.floor(r / d);
        for (let c = 0; c < blk.outWidth; c++) {
          const i = blk.start + Math.floor(c / d);
          // masked entries (j > i) are zeroed: the paper's forward multiplies them by 0
          slab[r * blk.outWidth + c] = j <= i ? W[(blk.start * d + c) * Td + r]! : 0;
        }
      }
      this.v(`linear1.slab${b}`).assign(tf.tensor(slab, [blk.inWidth, blk.outWidth]));
    }
    this.unusedBias = get('linear1.bias').slice();
    if (this.config.kind === 'mlp') {
      this.v('linear2.weightT').assign(tf.tensor(transpose(get('linear2.weight'), d, d), [d, d]));
      this.v('linear2.bias').assign(tf.tensor(get('linear2.bias'), [d]));
    }
    this.v('out_embedding.weightT').assign(tf.tensor(transpose(get('out_embedding.weight'), V, d), [d, V]));
    this.v('out_embedding.bias').assign(tf.tensor(get('out_embedding.bias'), [V]));
  }

  dispose(): void {
    for (const v of this.variables.values()) v.dispose();
    this.variables.clear();
  }
}

let variableCounter = 0;

/** Checks that `tensors` holds `name` with `shape`; the error names the tensor and both shapes. */
export function checkShape(tensors: ReadonlyMap<string, NamedTensor>, name: string, shape: readonly number[], source: string): void {
  const t = tensors.get(name);
  if (t === undefined) throw new CheckpointShapeError(name, 'present', 'missing', source);
  if (t.shape.length !== shape.length || t.shape.some((s, i) => s !== shape[i])) throw new CheckpointShapeError(name, shape, t.shape, source);
}

/** Row-major transpose of a [rows, cols] matrix. */
export function transpose(data: ArrayLike<number>, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c]!;
  return out;
}

/** Shared `logits()` of every model: pads the batch to a common length, runs forward, splits. */
export function logitsOf(model: Model, batch: readonly ArrayLike<number>[]): Float32Array[] {
  const { contextLength: T, vocabSize: V } = model.config;
  if (batch.length === 0) return [];
  let maxLen = 1;
  for (const [i, seq] of batch.entries()) {
    if (seq.length > T) throw new ModelArgumentError(`logits: batch[${i}].length`, `at most contextLength = ${T}`, seq.length);
    for (let k = 0; k < seq.length; k++) {
      const id = seq[k]!;
      if (!Number.isInteger(id) || id < 0 || id >= V) {
        throw new RangeError(`models: logits: token id ${id} at batch[${i}][${k}] is outside [0, ${V - 1}]`);
      }
    }
    maxLen = Math.max(maxLen, seq.length);
  }
  const P = model.paddedLength(maxLen);
  // every tensor of a forward pass lives until it ends: on WebAssembly, run as many rows per pass as fit
  const rowsPerPass = tf.getBackend() === 'wasm' ? microBatchSize(model.config, batch.length) : batch.length;
  const result: Float32Array[] = [];
  for (let first = 0; first < batch.length; first += rowsPerPass) {
    const rows = batch.slice(first, first + rowsPerPass);
    const ids = new Int32Array(rows.length * P);
    for (const [i, seq] of rows.entries()) for (let k = 0; k < seq.length; k++) ids[i * P + k] = seq[k]!;
    const out = tf.tidy(() => model.forward(tf.tensor2d(ids, [rows.length, P], 'int32')));
    const flat = out.dataSync() as Float32Array;
    out.dispose();
    for (const [i, seq] of rows.entries()) result.push(flat.slice(i * P * V, (i * P + seq.length) * V));
  }
  return result;
}

