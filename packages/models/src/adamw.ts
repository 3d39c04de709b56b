import type { Model } from './model.js';
import type { NamedTensor } from './safetensors.js';
import { kernelArrays, kernelsFor, sumOfSquares } from './simd/kernels.js';
import { tf } from './tf.js';

/** AdamW hyper-parameters (PyTorch's defaults for betas and eps). */
export interface AdamWOptions {
  weightDecay: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** Global gradient-norm clip (the paper's recipe: 1.0); 0 disables it. */
  gradClip: number;
  /**
   * Arrays (by variable name) to keep the master weights in, e.g. views of a SharedArrayBuffer
   * that worker threads read; they are filled from the model's variables.
   */
  storage?: ReadonlyMap<string, Float32Array>;
  /** Arrays to keep the two moments in (zeroed here), e.g. shared memory that worker threads update. */
  momentStorage?: { m: ReadonlyMap<string, Float32Array>; v: ReadonlyMap<string, Float32Array> };
  /** Leave the model's variables stale after each step until {@link AdamW.syncModel} (saves an upload per step when only workers need the weights). */
  deferUpload?: boolean;
}

/** PyTorch's AdamW defaults. */
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPS = 1e-8;

/** The per-step numbers of an AdamW update (see {@link adamwUpdate}). */
export interface AdamWCoefficients {
  beta1: number;
  beta2: number;
  eps: number;
  /** Multiplies the summed gradient first: 1 / tokens, times the clipping factor. */
  gradScale: number;
  /** lr / (1 − β₁ᵗ). */
  stepSize: number;
  /** 1 / √(1 − β₂ᵗ). */
  invSqrtBc2: number;
}

/**
 * The AdamW update of elements [from, to) of one variable, in place: p ← p·decay − stepSize·m̂/(√v̂ + eps)
 * with m, v the moments of the scaled gradient (`decay` = 1 − lr·wd, or 1 where there is none).
 * In WebAssembly SIMD (float32 arithmetic) when the four arrays are views of one kernel memory
 * (`kernelArrays`), else in JavaScript (float64 arithmetic, rounded when stored).
 */
export function adamwUpdate(p: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, from: number, to: number, c: AdamWCoefficients, decay: number): void {
  const { beta1: b1, beta2: b2, eps, gradScale, stepSize, invSqrtBc2 } = c;
  const k = kernelsFor(p, g, m, v);
  if (k !== undefined) {
    const at = from * 4;
    k.adamw(p.byteOffset + at, g.byteOffset + at, m.byteOffset + at, v.byteOffset + at, to - from, b1, b2, eps, gradScale, stepSize, invSqrtBc2, decay);
    return;
  }
  for (let i = from; i < to; i++) {
    const gi = g[i]! * gradScale;
    const mi = b1 * m[i]! + (1 - b1) * gi;
    const vi = b2 * v[i]! + (1 - b2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    p[i] = p[i]! * decay - (stepSize * mi) / (Math.sqrt(vi) * invSqrtBc2 + eps);
  }
}

/**
 * AdamW with decoupled weight decay (as `torch.optim.AdamW`: p ← p·(1 − lr·wd), then the Adam
 * step), decay only on the variables the model says decay, and global-norm clipping.
 *
 * It runs as one fused pass over float32 arrays outside the tensor backend: on WebAssembly a dozen
 * elementwise tensor ops per variable cost ~10× more, and the moments live where checkpoints and
 * worker threads can read them. Weights, moments and the arrays from {@link AdamW.gradientBuffers}
 * share one WebAssembly memory, so the pass runs in SIMD (see `simd/kernels.wat`). The model's
 * variables are re-uploaded after each step.
 */
export class AdamW {
  private readonly params = new Map<string, Float32Array>();
  private readonly m = new Map<string, Float32Array>();
  private readonly v = new Map<string, Float32Array>();
  /** Gradient arrays on the same memory as the weights and moments, made with them. */
  private readonly grads = new Map<string, Float32Array>();
  /** Completed optimizer steps (Adam's t). */
  t = 0;
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly eps: number;

  constructor(
    private readonly model: Model,
    private readonly options: AdamWOptions,
  ) {
    this.beta1 = options.beta1 ?? ADAM_BETA1;
    this.beta2 = options.beta2 ?? ADAM_BETA2;
    this.eps = options.eps ?? ADAM_EPS;
    const variables = [...model.variables];
    // four arrays a variable (weights, m, v, gradient) in one kernel memory, unless given storage
    const own = options.storage === undefined ? kernelArrays(variables.flatMap(([, v]) => [v.size, v.size, v.size, v.size])).arrays : [];
    for (const [i, [name, variable]] of variables.entries()) {
      const [p, m, v, g] = own.slice(4 * i, 4 * i + 4);
      const store = options.storage?.get(name) ?? p ?? new Float32Array(variable.size);
      store.set(variable.dataSync());
      this.params.set(name, store);
      this.m.set(name, options.momentStorage?.m.get(name)?.fill(0) ?? m ?? new Float32Array(variable.size));
      this.v.set(name, options.momentStorage?.v.get(name)?.fill(0) ?? v ?? new Float32Array(variable.size));
      if (g !== undefined) this.grads.set(name, g);
    }
  }

  /**
   * Zeroed arrays, one per variable, to sum gradients into: on the weights' memory when this
   * optimizer owns it (so {@link AdamW.step} runs in SIMD), else fresh arrays. Always the same arrays.
   */
  gradientBuffers(): Map<string, Float32Array> {
    if (this.grads.size === 0) for (const [name, variable] of this.model.variables) this.grads.set(name, new Float32Array(variable.size));
    for (const g of this.grads.values()) g.fill(0);
    return this.grads;
  }

  /**
   * One update from summed gradients, multiplied by `scale` first (1 / tokens). Returns the
   * gradient norm before clipping.
   */
  step(grads: ReadonlyMap<string, Float32Array>, scale: number, lr: number): number {
    let sq = 0;
    for (const g of grads.values()) sq += sumOfSquares(g);
    const { coefficients, decayFactor, gradNorm } = this.begin(scale, lr, sq);
    for (const [name, variable] of this.model.variables) {
      const g = grads.get(name);
      if (g === undefined) continue;
      const p = this.params.get(name)!;
      adamwUpdate(p, g, this.m.get(name)!, this.v.get(name)!, 0, p.length, coefficients, this.model.decays(name) ? decayFactor : 1);
      if (this.options.deferUpload === true) continue;
      const updated = tf.tensor(p, variable.shape);
      variable.assign(updated);
      updated.dispose();
    }
    if (this.options.deferUpload === true) this.stale = true;
    return gradNorm;
  }

  /**
   * Starts one update whose arithmetic runs elsewhere (worker threads on shared memory, with
   * {@link adamwUpdate}): counts the step and returns its coefficients, the decay factor of
   * decaying variables and the gradient norm, from Σ g² of the summed gradients.
   */
  begin(scale: number, lr: number, sumOfSquares: number): { coefficients: AdamWCoefficients; decayFactor: number; gradNorm: number } {
    this.t += 1;
    const gradNorm = Math.sqrt(sumOfSquares) * scale;
    const clip = this.options.gradClip > 0 && gradNorm > this.options.gradClip ? this.options.gradClip / (gradNorm + 1e-6) : 1;
    const { beta1, beta2, eps } = this;
    return {
      coefficients: { beta1, beta2, eps, gradScale: scale * clip, stepSize: lr / (1 - beta1 ** this.t), invSqrtBc2: 1 / Math.sqrt(1 - beta2 ** this.t) },
      decayFactor: 1 - lr * this.options.weightDecay,
      gradNorm,
    };
  }

  /** Marks the model's variables stale after an update made elsewhere (see {@link AdamW.begin}). */
  updatedElsewhere(): void {
    this.stale = true;
  }

  private stale = false;

  /** Uploads the master weights into the model's variables (needed only with `deferUpload`). */
  syncModel(): void {
    if (!this.stale) return;
    for (const [name, variable] of this.model.variables) {
      const updated = tf.tensor(this.params.get(name)!, variable.shape);
      variable.assign(updated);
      updated.dispose();
    }
    this.stale = false;
  }

  /** The moments as named tensors (`<var>.exp_avg`, `<var>.exp_avg_sq`), for a checkpoint. */
  exportState(): Map<string, NamedTensor> {
    const out = new Map<string, NamedTensor>();
    for (const [name, variable] of this.model.variables) {
      out.set(`${name}.exp_avg`, { shape: [...variable.shape], data: this.m.get(name)! });
      out.set(`${name}.exp_avg_sq`, { shape: [...variable.shape], data: this.v.get(name)! });
    }
    return out;
  }

  /** Restores moments and the step count written by {@link AdamW.exportState}, and re-reads the weights. */
  importState(state: ReadonlyMap<string, NamedTensor>, t: number, source: string): void {
    for (const [name, variable] of this.model.variables) {
      for (const [suffix, store] of [
        ['exp_avg', this.m],
        ['exp_avg_sq', this.v],
      ] as const) {
        const key = `${name}.${suffix}`;
        const s = state.get(key);
        if (s?.shape.join(',') !== variable.shape.join(',')) {
          throw new Error(`models: optimizer state ${source} has ${s === undefined ? 'no' : `shape [${s.shape.join(', ')}] for`} '${key}', expected [${variable.shape.join(', ')}]`);
        }
        // into the existing arrays: they may be shared with worker threads
        store.get(name)!.set(s.data);
      }
      this.params.get(name)!.set(variable.dataSync());
    }
    this.t = t;
  }
}
