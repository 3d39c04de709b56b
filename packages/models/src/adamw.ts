import type { Model } from './model.js';
import type { NamedTensor } from './safetensors.js';
import { tf } from './tf.js';

/** AdamW hyper-parameters (PyTorch's defaults for betas and eps). */
export interface AdamWOptions {
  weightDecay: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** Global gradient-norm clip (the paper's recipe: 1.0); 0 or Infinity disables it. */
  gradClip: number;
}

/** PyTorch's AdamW defaults. */
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPS = 1e-8;

/**
 * AdamW with decoupled weight decay (as `torch.optim.AdamW`: p ← p·(1 − lr·wd), then the Adam
 * step), decay only on the variables the model says decay, and global-norm clipping.
 */
export class AdamW {
  private readonly m = new Map<string, tf.Tensor>();
  private readonly v = new Map<string, tf.Tensor>();
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
    for (const [name, v] of model.variables) {
      this.m.set(name, tf.zerosLike(v));
      this.v.set(name, tf.zerosLike(v));
    }
  }

  /**
   * One update from summed gradients, scaled by `scale` first (1 / tokens). Returns the gradient
   * norm before clipping. Disposes nothing it was given.
   */
  step(grads: ReadonlyMap<string, tf.Tensor>, scale: number, lr: number): number {
    this.t += 1;
    const t = this.t;
    const norm = tf.tidy(() => {
      const parts = [...grads.values()].map((g) => tf.sum(tf.square(g)));
      return tf.mul(tf.sqrt(tf.addN(parts)), scale);
    });
    const gradNorm = norm.dataSync()[0]!;
    norm.dispose();
    const clip = this.options.gradClip > 0 && gradNorm > this.options.gradClip ? this.options.gradClip / (gradNorm + 1e-6) : 1;
    const gScale = scale * clip;
    const bc1 = 1 - this.beta1 ** t;
    const bc2 = 1 - this.beta2 ** t;
    const stepSize = lr / bc1;
    for (const [name, p] of this.model.variables) {
      const g0 = grads.get(name);
      if (g0 === undefined) continue;
      const decay = this.model.decays(name) ? 1 - lr * this.options.weightDecay : 1;
      const [m, v] = tf.tidy(() => {
        const g = tf.mul(g0, gScale);
        const m1 = tf.add(tf.mul(this.m.get(name)!, this.beta1), tf.mul(g, 1 - this.beta1));
        const v1 = tf.add(tf.mul(this.v.get(name)!, this.beta2), tf.mul(tf.square(g), 1 - this.beta2));
        const denom = tf.add(tf.div(tf.sqrt(v1), Math.sqrt(bc2)), this.eps);
        const base = decay === 1 ? p : tf.mul(p, decay);
        p.assign(tf.sub(base, tf.mul(tf.div(m1, denom), stepSize)));
        return [m1, v1];
      });
      this.m.get(name)!.dispose();
      this.v.get(name)!.dispose();
      this.m.set(name, m);
      this.v.set(name, v);
    }
    return gradNorm;
  }

  /** The moments as named tensors (`<var>.exp_avg`, `<var>.exp_avg_sq`), for a checkpoint. */
  exportState(): Map<string, NamedTensor> {
    const out = new Map<string, NamedTensor>();
    for (const [name, m] of this.m) {
      out.set(`${name}.exp_avg`, { shape: [...m.shape], data: m.dataSync() as Float32Array });
      out.set(`${name}.exp_avg_sq`, { shape: [...m.shape], data: this.v.get(name)!.dataSync() as Float32Array });
    }
    return out;
  }

  /** Restores moments and the step count written by {@link AdamW.exportState}. */
  importState(state: ReadonlyMap<string, NamedTensor>, t: number, source: string): void {
    for (const [name, m] of this.m) {
      for (const [suffix, store] of [
        ['exp_avg', this.m],
        ['exp_avg_sq', this.v],
      ] as const) {
        const key = `${name}.${suffix}`;
        const s = state.get(key);
        if (s === undefined || s.shape.join(',') !== m.shape.join(',')) {
          throw new Error(`models: optimizer state ${source} has ${s === undefined ? 'no' : `shape [${s.shape.join(', ')}] for`} '${key}', expected [${m.shape.join(', ')}]`);
        }
        store.get(name)!.dispose();
        store.set(name, tf.tensor(s.data, [...m.shape]));
      }
    }
    this.t = t;
  }

  dispose(): void {
    for (const x of [...this.m.values(), ...this.v.values()]) x.dispose();
    this.m.clear();
    this.v.clear();
  }
}
