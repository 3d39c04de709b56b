import { parameterCount, TRANSFORMER_MLP_RATIO, type ModelConfig } from './config.js';
import { checkShape, logitsOf } from './linear-model.js';
import type { Model, OutputFeatures } from './model.js';
import { affine, batchMatMul, embed, gelu, rank1, rank2, rank3 } from './ops.js';
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
    return affine(x, rank2(this.v(`${prefix}.weight`)), rank1(this.v(`${prefix}.bias`)));
  }

  forward(ids: tf.Tensor2D): tf.Tensor2D {
    return this.run(ids).logits;
  }

  features(ids: tf.Tensor2D): OutputFeatures {
    return { hidden: this.trunk(ids).hidden, weight: rank2(this.v('lm_head.weight')), bias: rank1(this.v('lm_head.bias')) };
  }

  /**
   * Logits [B·n, V] for ids [B, n] that continue `cache` (keys and values of the positions
   * before, per layer; none: start at position 0), and the cache extended by these n positions.
   * `rows` gives each row its own positions ([B·n]) and an additive attention mask
   * ([B, n, keys]) instead of the shared causal layout, for batches of prompts of unequal length.
   */
  private run(ids: tf.Tensor2D, cache?: readonly LayerCache[], rows?: { positions: Int32Array; mask: Float32Array }): { logits: tf.Tensor2D; cache: LayerCache[] } {
    const { hidden, cache: next } = this.trunk(ids, cache, rows);
    return { logits: this.linear(hidden, 'lm_head'), cache: next };
  }

  /** Everything of {@link run} but the output layer: the final layer norm's output [B·n, d]. */
  private trunk(ids: tf.Tensor2D, cache?: readonly LayerCache[], rows?: { positions: Int32Array; mask: Float32Array }): { hidden: tf.Tensor2D; cache: LayerCache[] } {
    const [B, n] = ids.shape;
    const { dim: d, heads: H, layers: L } = this.config;
    const dh = d / H;
    const past = cache?.[0]?.k.shape[1] ?? 0;
    const keys = past + n;
    const tok = embed(rank2(this.v('wte')), tf.reshape(ids, [B * n]));
    let x: tf.Tensor2D;
    let mask: tf.Tensor | undefined;
    if (rows === undefined) {
      const pos = tf.slice(this.v('wpe'), [past, 0], [n, d]);
      x = rank2(tf.reshape(tf.add(tf.reshape(tok, [B, n, d]), pos), [B * n, d]));
      // query i (at position past + i) sees keys 0 … past + i; a single new token sees them all
      mask = n === 1 ? undefined : tf.tensor2d(Float32Array.from({ length: n * keys }, (_, k) => (k % keys > past + Math.floor(k / keys) ? MASKED_SCORE : 0)), [n, keys]);
    } else {
      x = rank2(tf.add(tok, embed(rank2(this.v('wpe')), tf.tensor1d(rows.positions, 'int32'))));
      mask = tf.tensor4d(rows.mask, [B, 1, n, keys]);
    }
    const heads = (t: tf.Tensor): tf.Tensor3D => rank3(tf.reshape(tf.transpose(tf.reshape(t, [B, n, H, dh]), [0, 2, 1, 3]), [B * H, n, dh]));
    const next: LayerCache[] = [];
    for (let l = 0; l < L; l++) {
      const p = `h.${l}.`;
      const qkv = this.linear(this.layerNorm(x, `${p}ln_1`), `${p}attn.c_attn`);
      const [q, k, v] = tf.split(qkv, 3, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
      const before = cache?.[l];
      const K = before === undefined ? heads(k) : rank3(tf.concat([before.k, heads(k)], 1)); // [B·H, keys, dh]
      const V = before === undefined ? heads(v) : rank3(tf.concat([before.v, heads(v)], 1));
      next.push({ k: K, v: V });
      const scaled = tf.mul(batchMatMul(heads(q), rank3(tf.transpose(K, [0, 2, 1]))), 1 / Math.sqrt(dh));
      const scores =
        mask === undefined ? scaled : rows === undefined ? tf.add(scaled, mask) : tf.reshape(tf.add(tf.reshape(scaled, [B, H, n, keys]), mask), [B * H, n, keys]);
      const attn = batchMatMul(rank3(tf.softmax(scores)), V); // [B·H, n, dh]
      const merged = rank2(tf.reshape(tf.transpose(tf.reshape(attn, [B, H, n, dh]), [0, 2, 1, 3]), [B * n, d]));
      x = rank2(tf.add(x, this.linear(merged, `${p}attn.c_proj`)));
      const hidden = gelu(this.linear(this.layerNorm(x, `${p}ln_2`), `${p}mlp.c_fc`));
      x = rank2(tf.add(x, this.linear(hidden, `${p}mlp.c_proj`)));
    }
    return { hidden: this.layerNorm(x, 'ln_f'), cache: next };
  }

  /**
   * Greedy continuation with a key/value cache: each new token costs one position's forward pass
   * instead of the whole prefix's. All prompts run as one batch whatever their lengths: they are
   * right-padded for the first pass, and each new token then carries its row's own position and a
   * mask that hides the padding from its attention. Ties go to the lower id; a sequence stops
   * after `eos`; continuations stop at the context length.
   */
  greedyContinue(prompts: readonly Int32Array[], options: { maxNewTokens: number; eos?: number }): Int32Array[] {
    const { contextLength: T, vocabSize: V } = this.config;
    const B = prompts.length;
    const out: number[][] = prompts.map(() => []);
    if (B === 0) return [];
    const lengths = prompts.map((p, i) => {
      if (p.length < 1 || p.length > T) throw new RangeError(`models: greedyContinue: prompt ${i} has ${p.length} tokens; 1 … ${T} fit`);
      return p.length;
    });
    const longest = Math.max(...lengths);
    // tokens row b may add: the last one sits at position T − 1
    const caps = lengths.map((len) => Math.min(options.maxNewTokens, T - len + 1));
    const live = new Set(caps.flatMap((cap, b) => (cap > 0 ? [b] : [])));
    const padded = new Int32Array(B * longest);
    prompts.forEach((p, b) => padded.set(p, b * longest));
    let ids = tf.tensor2d(padded, [B, longest], 'int32');
    let cache: LayerCache[] | undefined;
    // logits rows to read after each pass: the last real position of each row first, then row b
    let pick = Int32Array.from(lengths, (len, b) => b * longest + len - 1);
    for (let step = 0; live.size > 0; step++) {
      let last: tf.Tensor | undefined;
      let extended: LayerCache[] = [];
      tf.tidy(() => {
        const rows =
          step === 0
            ? undefined
            : {
                positions: Int32Array.from(lengths, (len) => Math.min(len + step - 1, T - 1)),
                mask: maskPastPadding(lengths, longest, longest + step),
              };
        const r = this.run(ids, cache, rows);
        last = tf.keep(tf.gather(r.logits, tf.tensor1d(pick, 'int32')));
        extended = r.cache.map((c) => ({ k: tf.keep(c.k), v: tf.keep(c.v) }));
      });
      ids.dispose();
      disposeCache(cache);
      cache = extended;
      const logits = last!.dataSync() as Float32Array;
      last!.dispose();
      const chosen = Int32Array.from({ length: B }, (_, b) => argmax(logits, b * V, V));
      for (const b of [...live]) {
        out[b]!.push(chosen[b]!);
        if (chosen[b] === options.eos || out[b]!.length >= caps[b]!) live.delete(b);
      }
      ids = tf.tensor2d(chosen, [B, 1], 'int32');
      pick = Int32Array.from({ length: B }, (_, b) => b);
    }
    ids.dispose();
    disposeCache(cache);
    return out.map((tokens) => Int32Array.from(tokens));
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

/** Keys and values [B·H, positions, d/H] of one layer, kept between decoding steps. */
interface LayerCache {
  k: tf.Tensor3D;
  v: tf.Tensor3D;
}

function disposeCache(cache: readonly LayerCache[] | undefined): void {
  for (const c of cache ?? []) tf.dispose([c.k, c.v]);
}

/**
 * Additive attention mask [B, 1, keys] for one new token per row after a right-padded first
 * pass of `longest` positions: row b sees its own prompt (keys < lengths[b]) and every token
 * added since (keys ≥ longest), not the padding between.
 */
function maskPastPadding(lengths: readonly number[], longest: number, keys: number): Float32Array {
  const mask = new Float32Array(lengths.length * keys);
  lengths.forEach((len, b) => mask.fill(MASKED_SCORE, b * keys + len, b * keys + longest));
  return mask;
}

/** Index of the largest of `count` values from `offset` (the first on ties, as greedy decoding picks). */
function argmax(values: Float32Array, offset: number, count: number): number {
  let best = 0;
  for (let v = 1; v < count; v++) if (values[offset + v]! > values[offset + best]!) best = v;
  return best;
}
