import * as tf from '@tensorflow/tfjs';

/** The shape of the paper's linear next-token predictor. */
export interface LinearPredictorConfig {
  vocabSize: number;
  /** T: positions the masked linear map reads. */
  contextLength: number;
  /** d: the embedding width. */
  dim: number;
  /** Seed of the initial weights. */
  seed: number;
}

/** A predictor's configuration was impossible. */
export class PredictorConfigError extends Error {
  override readonly name = 'PredictorConfigError';
  constructor(
    readonly field: string,
    readonly expected: string,
    readonly received: unknown,
  ) {
    super(`linear predictor: ${field} must be ${expected}, got ${String(received)}`);
  }
}

/** One training sequence: token ids and which positions count in the loss (1 = predict ids[i] from ids[<i]). */
export interface TrainingSequence {
  ids: ArrayLike<number>;
  lossMask: ArrayLike<number>;
}

/** Largest T·d the page allocates (the masked map is (T·d)² floats). */
const MAX_FLAT_WIDTH = 2048;

/**
 * The paper's linear next-token predictor (Malach 2023, its `LinearModel` without activation),
 * written directly in TensorFlow.js for the in-page demo: an embedding `E` (V × d), one masked
 * linear map over the whole context — output position i reads input positions j ≤ i — and an
 * output embedding (d × V, with bias). No non-linearity: the logits are a linear function of the
 * one-hot context. Sequences shorter than T are right-padded with token 0, as in the paper.
 *
 * The embedding is a one-hot matMul rather than a `gather`, whose gradient the WebAssembly backend
 * lacks.
 *
 * @example
 * ```ts
 * const model = new LinearPredictor({ vocabSize: 5, contextLength: 24, dim: 8, seed: 1 });
 * const loss = model.trainStep([{ ids: [1, 2, 3], lossMask: [0, 1, 1] }], 0.01);
 * model.dispose();
 * ```
 */
export class LinearPredictor {
  readonly config: Readonly<LinearPredictorConfig>;
  private readonly embedding: tf.Variable;
  private readonly masked: tf.Variable;
  private readonly output: tf.Variable;
  private readonly outputBias: tf.Variable;
  private readonly mask: tf.Tensor2D;
  private optimizer: tf.AdamOptimizer | undefined;
  private optimizerLr = Number.NaN;

  constructor(config: LinearPredictorConfig) {
    const { vocabSize: V, contextLength: T, dim: d } = config;
    for (const [field, value] of [['vocabSize', V], ['contextLength', T], ['dim', d]] as const) {
      if (!Number.isSafeInteger(value) || value < 1) throw new PredictorConfigError(field, 'an integer ≥ 1', value);
    }
    if (T * d > MAX_FLAT_WIDTH) throw new PredictorConfigError('contextLength × dim', `at most ${MAX_FLAT_WIDTH}`, T * d);
    this.config = { ...config };
    const width = T * d;
    this.embedding = tf.variable(tf.randomNormal([V, d], 0, 1, 'float32', config.seed));
    this.masked = tf.variable(tf.randomNormal([width, width], 0, 1 / Math.sqrt(width), 'float32', config.seed + 1));
    this.output = tf.variable(tf.randomNormal([d, V], 0, 1 / Math.sqrt(d), 'float32', config.seed + 2));
    this.outputBias = tf.variable(tf.zeros([V]));
    // Row (j, a) of the map is input position j, column (i, b) output position i: keep j ≤ i.
    const mask = new Float32Array(width * width);
    for (let j = 0; j < T; j++) for (let a = 0; a < d; a++) mask.fill(1, (j * d + a) * width + j * d, (j * d + a) * width + width);
    this.mask = tf.tensor2d(mask, [width, width]);
  }

  /**
   * Parameters counted as the paper (and `@cotlab/models`' `parameterCount`) counts them, unmasked
   * weights only: T(T+1)/2·d² for the map, T·d for its bias (in the paper's state dict, unused),
   * V·d for the input embedding, d·V + V for the output embedding.
   */
  parameterCount(): number {
    const { vocabSize: V, contextLength: T, dim: d } = this.config;
    return ((T * (T + 1)) / 2) * d * d + T * d + 2 * V * d + V;
  }

  /** Logits per sequence (each at most T tokens): a Float32Array [length × V], row i predicting the token after position i. */
  logits(batch: readonly ArrayLike<number>[]): Float32Array[] {
    const { vocabSize: V, contextLength: T } = this.config;
    const all = tf.tidy(() => this.forward(this.padded(batch)));
    const data = all.dataSync() as Float32Array;
    all.dispose();
    return batch.map((ids, b) => data.slice(b * T * V, (b * T + ids.length) * V));
  }

  /** Logits [B·T, V] for right-padded ids [B, T]. */
  private forward(ids: tf.Tensor2D): tf.Tensor2D {
    const { vocabSize: V, contextLength: T, dim: d } = this.config;
    const batch = ids.shape[0];
    const oneHot = tf.oneHot(tf.reshape(ids, [-1]), V).toFloat();
    const x = tf.reshape(tf.matMul(oneHot, this.embedding), [batch, T * d]);
    const h = tf.reshape(tf.matMul(x, tf.mul(this.masked, this.mask)), [batch * T, d]);
    return tf.add(tf.matMul(h, this.output), this.outputBias);
  }

  private padded(batch: readonly ArrayLike<number>[]): tf.Tensor2D {
    const T = this.config.contextLength;
    const flat = new Int32Array(batch.length * T);
    batch.forEach((ids, b) => {
      if (ids.length > T) throw new PredictorConfigError(`sequence ${b} length`, `at most contextLength = ${T}`, ids.length);
      for (let i = 0; i < ids.length; i++) flat[b * T + i] = ids[i]!;
    });
    return tf.tensor2d(flat, [batch.length, T], 'int32');
  }

  /**
   * One AdamW-free Adam step (the demo needs no weight decay) on a batch; returns the mean
   * cross-entropy over the positions the loss masks select.
   */
  trainStep(batch: readonly TrainingSequence[], lr: number): number {
    if (!(lr > 0 && Number.isFinite(lr))) throw new PredictorConfigError('lr', 'a finite number > 0', lr);
    if (this.optimizer === undefined || this.optimizerLr !== lr) {
      this.optimizer?.dispose();
      this.optimizer = tf.train.adam(lr);
      this.optimizerLr = lr;
    }
    const { vocabSize: V, contextLength: T } = this.config;
    const targets = new Int32Array(batch.length * T);
    const weights = new Float32Array(batch.length * T);
    batch.forEach(({ ids, lossMask }, b) => {
      // Row i of the logits predicts ids[i + 1].
      for (let i = 0; i + 1 < ids.length; i++) {
        targets[b * T + i] = ids[i + 1]!;
        weights[b * T + i] = lossMask[i + 1] ? 1 : 0;
      }
    });
    const ids = this.padded(batch.map((s) => s.ids));
    const target = tf.tensor1d(targets, 'int32');
    const weight = tf.tensor1d(weights);
    const loss = this.optimizer.minimize(() => tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(tf.oneHot(target, V), this.forward(ids), weight), true);
    const value = loss?.dataSync()[0] ?? Number.NaN;
    tf.dispose([ids, target, weight]);
    loss?.dispose();
    return value;
  }

  /** Greedy continuation of each prompt by `newTokens` tokens (prompts of equal length). */
  greedy(prompts: readonly ArrayLike<number>[], newTokens: number): Int32Array[] {
    const { vocabSize: V, contextLength: T } = this.config;
    if (prompts.length === 0) return [];
    const start = prompts[0]!.length;
    if (prompts.some((p) => p.length !== start)) throw new PredictorConfigError('prompts', 'all of the same length', 'prompts of several lengths');
    if (start + newTokens > T) throw new PredictorConfigError('prompt length + newTokens', `at most contextLength = ${T}`, start + newTokens);
    const rows = prompts.map((p) => {
      const row = new Int32Array(T);
      row.set(Array.from(p));
      return row;
    });
    for (let p = start; p < start + newTokens; p++) {
      const next = tf.tidy(() => {
        const logits = tf.reshape(this.forward(this.padded(rows)), [rows.length, T, V]);
        return tf.squeeze(tf.argMax(tf.slice(logits, [0, p - 1, 0], [rows.length, 1, V]), 2));
      });
      const values = next.dataSync();
      next.dispose();
      rows.forEach((row, b) => (row[p] = values[b]!));
    }
    return rows.map((row) => row.slice(start, start + newTokens));
  }

  /** Frees every tensor the model holds. */
  dispose(): void {
    this.optimizer?.dispose();
    tf.dispose([this.embedding, this.masked, this.output, this.outputBias, this.mask]);
  }
}
