import { parameterCount, TRANSFORMER_MLP_RATIO, type ModelConfig } from './config.js';
import { checkShape, logitsOf } from './linear-model.js';
import type { Model } from './model.js';
import { batchMatMul, embed, gelu, matMul, rank2, rank3 } from './ops.js';
import type { Rng } from './rng.js';
import type { NamedTensor } from './safetensors.js';
import { tf } from './tf.js';

/** GPT-2's initialisation scale for weights (and residual projections scaled by 1/√(2L)). */
const INIT_STD = 0.02;
/** Layer-norm epsilon (GPT-2's value). */
const LN_EPS = 1e-5;
/** Added to masked attention scores before the softmax. */
const MASKED_SCORE = -1e9;

/**
 * A small GPT-style causal transformer for comparison with the paper's models: token and learned
 * position embeddings, `layers` pre-norm blocks (multi-head causal self-attention, then a GELU
 * MLP of width 4d, each with a residual), a final layer norm and an untied output layer.
 * Gradients use the same WebAssembly-friendly ops as the linear models.
 */
export class TransformerModel implements Model {
  readonly variables = new Map<string, tf.Variable>();
  private readonly shapes = new Map<string, number[]>();

  constructor(
    readonly config: Required<ModelConfig>,
    rng: Rng,
  ) {
    const { vocabSize: V, contextLength: T, dim: d, layers: L } = config;
    const h = TRANSFORMER_MLP_RATIO * d;
    const normal = (std: number) => () => std * rng.normal();
    const zeros = () => 0;
    const ones = () => 1;
    const residualStd = INIT_STD / Math.sqrt(2 * L);
    this.add('wte', [V, d], normal(INIT_STD));
    this.add('wpe', [T, d], normal(INIT_STD));
    for (let l = 0; l < L; l++) {
      const p = `h.${l}.`;
      this.add(`${p}ln_1.weight`, [d], ones);
      this.add(`${p}ln_1.bias`, [d], zeros);
      this.add(`${p}attn.c_attn.weight`, [d, 3 * d], normal(INIT_STD));
      this.add(`${p}attn.c_attn.bias`, [3 * d], zeros);
      this.add(`${p}attn.c_proj.weight`, [d, d], normal(residualStd));
      this.add(`${p}attn.c_proj.bias`, [d], zeros);
      this.add(`${p}ln_2.weight`, [d], ones);
      this.add(`${p}ln_2.bias`, [d], zeros);
      this.add(`${p}mlp.c_fc.weight`, [d, h], normal(INIT_STD));
      this.add(`${p}mlp.c_fc.bias`, [h], zeros);
      this.add(`${p}mlp.c_proj.weight`, [h, d], normal(residualStd));
      this.add(`${p}mlp.c_proj.bias`, [d], zeros);
    }
    this.add('ln_f.weight', [d], ones);
    this.add('ln_f.bias', [d], zeros);
    this.add('lm_head.weight', [d, V], normal(INIT_STD));
    this.add('lm_head.bias', [V], zeros);
  }

  private add(name: string, shape: number[], init: () => number): void {
    const size = shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    for (let i = 0; i < size; i++) data[i] = init();
    this.variables.set(name, tf.variable(tf.tensor(data, shape), true, `${name}_${counter++}`));
    this.shapes.set(name, shape);
  }

  private v(name: string): tf.Variable {
    return this.variables.get(name)!;
  }

  parameterCount(): number {
    return parameterCount(this.config);
  }

  /** Decay on weight matrices only (not biases, layer norms or position/token tables' biases). */
  decays(name: string): boolean {
    return (this.shapes.get(name)?.length ?? 0) >= 2;
  }

  paddedLength(length: number): number {
    return Math.max(1, length);
  }

  private layerNorm(x: tf.Tensor2D, prefix: string): tf.Tensor2D {
    const { mean, variance } = tf.moments(x, 1, true);
    const normed = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, LN_EPS)));
    return rank2(tf.add(tf.mul(normed, this.v(`${prefix}.weight`)), this.v(`${prefix}.bias`)));
  }

  private linear(x: tf.Tensor2D, prefix: string): tf.Tensor2D {
    return rank2(tf.add(matMul(x, rank2(this.v(`${prefix}.weight`))), this.v(`${prefix}.bias`)));
  }

  forward(ids: tf.Tensor2D): tf.Tensor2D {
    const [B, P] = ids.shape;
    const { dim: d, heads: H, layers: L } = this.config;
    const dh = d / H;
    const tok = embed(rank2(this.v('wte')), tf.reshape(ids, [B * P]));
    const pos = tf.slice(this.v('wpe'), [0, 0], [P, d]);
    let x = rank2(tf.reshape(tf.add(tf.reshape(tok, [B, P, d]), pos), [B * P, d]));
    const causal = tf.tensor2d(
      Float32Array.from({ length: P * P }, (_, k) => (k % P > Math.floor(k / P) ? MASKED_SCORE : 0)),
      [P, P],
    );
    const heads = (t: tf.Tensor): tf.Tensor3D => rank3(tf.reshape(tf.transpose(tf.reshape(t, [B, P, H, dh]), [0, 2, 1, 3]), [B * H, P, dh]));
    for (let l = 0; l < L; l++) {
      const p = `h.${l}.`;
      const qkv = this.linear(this.layerNorm(x, `${p}ln_1`), `${p}attn.c_attn`);
      const [q, k, v] = tf.split(qkv, 3, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
      const kT = rank3(tf.transpose(heads(k), [0, 2, 1]));
      const scores = tf.add(tf.mul(batchMatMul(heads(q), kT), 1 / Math.sqrt(dh)), causal);
      const attn = batchMatMul(rank3(tf.softmax(scores)), heads(v)); // [B·H, P, dh]
      const merged = rank2(tf.reshape(tf.transpose(tf.reshape(attn, [B, H, P, dh]), [0, 2, 1, 3]), [B * P, d]));
      x = rank2(tf.add(x, this.linear(merged, `${p}attn.c_proj`)));
      const hidden = gelu(this.linear(this.layerNorm(x, `${p}ln_2`), `${p}mlp.c_fc`));
      x = rank2(tf.add(x, this.linear(hidden, `${p}mlp.c_proj`)));
    }
    return this.linear(this.layerNorm(x, 'ln_f'), 'lm_head');
  }

  logits(batch: readonly ArrayLike<number>[]): Float32Array[] {
    return logitsOf(this, batch);
  }

  exportWeights(): Map<string, NamedTensor> {
    const out = new Map<string, NamedTensor>();
    for (const [name, v] of this.variables) out.set(name, { shape: [...v.shape], data: v.dataSync() as Float32Array });
    return out;
  }

  importWeights(tensors: ReadonlyMap<string, NamedTensor>, source: string): void {
    for (const [name, shape] of this.shapes) checkShape(tensors, name, shape, source);
    for (const [name, v] of this.variables) {
      const t = tf.tensor(tensors.get(name)!.data, v.shape);
      v.assign(t);
      t.dispose();
    }
  }

  dispose(): void {
    for (const v of this.variables.values()) v.dispose();
    this.variables.clear();
  }
}

let counter = 0;
