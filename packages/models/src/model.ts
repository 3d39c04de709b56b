import type { ModelConfig } from './config.js';
import type { NamedTensor } from './safetensors.js';
import type { tf } from './tf.js';

/** A model's last hidden layer [B·P, k] and the output layer (weight [k, V], bias [V]) that reads it. */
export interface OutputFeatures {
  hidden: tf.Tensor2D;
  weight: tf.Tensor2D;
  bias: tf.Tensor1D;
}

/**
 * A next-token predictor. Plain callers use `config`, `parameterCount()`, `logits()` and
 * `dispose()`; training and checkpoints use the tensor-level members.
 */
export interface Model {
  readonly config: Required<ModelConfig>;
  /** Parameters counted the paper's way (unmasked weights only); see `parameterCount(config)`. */
  parameterCount(): number;
  /**
   * Logits for each sequence (each at most `contextLength` tokens): a Float32Array
   * [length × vocabSize], row i predicting the token after position i.
   */
  logits(batch: readonly ArrayLike<number>[]): Float32Array[];
  /** Frees every tensor the model holds. */
  dispose(): void;
  /**
   * Greedy continuation of each prompt (new tokens only), where the model has a faster way than
   * re-reading the prefix at every step (the transformer's key/value cache). Stops after `eos`
   * and at the context length.
   */
  greedyContinue?(prompts: readonly Int32Array[], options: { maxNewTokens: number; eos?: number }): Int32Array[];

  /** Trainable variables by name (this package's layout, see the README). */
  readonly variables: ReadonlyMap<string, tf.Variable>;
  /** Whether AdamW's weight decay applies to a variable (not to biases, norms, embeddings' biases). */
  decays(name: string): boolean;
  /**
   * Logits [B·P, V] for ids [B, P] (int32); P ≤ contextLength. Positions are causal, so padding
   * after a sequence does not change its rows.
   */
  forward(ids: tf.Tensor2D): tf.Tensor2D;
  /**
   * What `forward` computes before its output layer: logits = hidden × weight + bias. Training
   * fuses that layer with the loss (`affineCrossEntropySum`). With `blocks` (models with
   * {@link Model.positionBlocks} only), just the rows of those position blocks: for each sequence
   * b, the positions of each listed block in the order listed (see `blockRows`).
   */
  features(ids: tf.Tensor2D, blocks?: readonly number[]): OutputFeatures;
  /**
   * Blocks of output positions, [start, end) each, whose rows of `features` depend on nothing
   * the other blocks compute, and on weights of their own (the paper's masked map stores one slab
   * a block). Present for linear/mlp: worker threads can split a batch's loss by position blocks.
   */
  readonly positionBlocks?: readonly (readonly [number, number])[];
  /** The variables `features(ids, blocks)` reads (with {@link Model.positionBlocks}): a worker thread refreshes only these. */
  variablesRead?(blocks: readonly number[]): ReadonlySet<string>;
  /** The smallest padded length ≥ `length` that `forward` computes efficiently. */
  paddedLength(length: number): number;
  /** Weights in checkpoint form (for linear/mlp: the paper's PyTorch names and layouts). */
  exportWeights(): Map<string, NamedTensor>;
  /** Loads weights in checkpoint form; checks every name and shape before changing anything. */
  importWeights(tensors: ReadonlyMap<string, NamedTensor>, source: string): void;
}
