import { ModelConfigError } from './errors.js';

/** The model classes of the zoo. */
export const MODEL_KINDS = ['linear', 'mlp', 'transformer'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/**
 * A model, as a plain value. `linear` and `mlp` are the paper's `LinearModel` (without and with
 * `activation='relu'`); `transformer` is a small GPT-style baseline (`layers`, `heads`).
 */
export interface ModelConfig {
  kind: ModelKind;
  vocabSize: number;
  contextLength: number;
  dim: number;
  /** Transformer blocks (transformer only; default 2). */
  layers?: number;
  /** Attention heads, dividing `dim` (transformer only; default 4). */
  heads?: number;
  /**
   * linear/mlp: how many position blocks the masked map is cut into (block-triangular storage;
   * default {@link defaultLinearBlocks}). Changes speed and memory, never results.
   */
  blocks?: number;
}

/** Largest vocabulary / context / width we accept: beyond, float32 indexing overflows in practice. */
const MAX_SIZE = 2 ** 24;

/** Transformer defaults (not from the paper, which has no transformer of its own). */
export const DEFAULT_TRANSFORMER_LAYERS = 2;
export const DEFAULT_TRANSFORMER_HEADS = 4;
/** Transformer MLP width as a multiple of dim (GPT-2's value). */
export const TRANSFORMER_MLP_RATIO = 4;

/** Block count of the masked map when the config does not say: about 8 blocks of positions. */
export function defaultLinearBlocks(contextLength: number): number {
  return Math.min(contextLength, 8);
}

function positiveInt(config: Record<string, unknown>, field: string, max = MAX_SIZE): number {
  const v = config[field];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1 || v > max) {
    throw new ModelConfigError(field, `an integer in [1, ${max}]`, v);
  }
  return v;
}

/**
 * Checks a config before anything is allocated and returns it with defaults filled in. Errors
 * name the field, what was expected and what was received.
 *
 * @example validateModelConfig({ kind: 'mlp', vocabSize: 117, contextLength: 307, dim: 16 });
 */
export function validateModelConfig(input: unknown): Required<ModelConfig> {
  if (typeof input !== 'object' || input === null) throw new ModelConfigError('(config)', 'an object', input);
  const c = input as Record<string, unknown>;
  if (!MODEL_KINDS.includes(c['kind'] as ModelKind)) throw new ModelConfigError('kind', `one of ${MODEL_KINDS.join(', ')}`, c['kind']);
  const kind = c['kind'] as ModelKind;
  const vocabSize = positiveInt(c, 'vocabSize');
  const contextLength = positiveInt(c, 'contextLength');
  const dim = positiveInt(c, 'dim');
  const layers = c['layers'] === undefined ? DEFAULT_TRANSFORMER_LAYERS : positiveInt(c, 'layers', 1024);
  const heads = c['heads'] === undefined ? Math.min(DEFAULT_TRANSFORMER_HEADS, dim) : positiveInt(c, 'heads', dim);
  if (kind === 'transformer' && dim % heads !== 0) throw new ModelConfigError('heads', `a divisor of dim = ${dim}`, heads);
  const blocks = c['blocks'] === undefined ? defaultLinearBlocks(contextLength) : positiveInt(c, 'blocks', contextLength);
  if (kind !== 'transformer' && contextLength * dim > MAX_SIZE) {
    throw new ModelConfigError('contextLength', `such that contextLength·dim ≤ ${MAX_SIZE}`, contextLength);
  }
  return { kind, vocabSize, contextLength, dim, layers, heads, blocks };
}

/**
 * The number of parameters, counted as the paper counts them: unmasked weights only. For
 * linear/mlp: T(T+1)/2·d² + T·d (the masked map and its bias) (+ d² + d for the ReLU layer)
 * + 2·V·d + V (input embedding, output embedding and its bias). Pure: allocates nothing.
 *
 * @example parameterCount({ kind: 'linear', vocabSize: 50258, contextLength: 64, dim: 256 }); // 162113618
 */
export function parameterCount(config: ModelConfig): number {
  const { kind, vocabSize: V, contextLength: T, dim: d, layers: L } = validateModelConfig(config);
  if (kind === 'transformer') {
    const perLayer = 4 * d * d + 4 * d + 2 * TRANSFORMER_MLP_RATIO * d * d + TRANSFORMER_MLP_RATIO * d + d + 4 * d;
    return V * d + T * d + L * perLayer + 2 * d + d * V + V;
  }
  const masked = ((T * (T + 1)) / 2) * d * d + T * d;
  const relu = kind === 'mlp' ? d * d + d : 0;
  return masked + relu + 2 * V * d + V;
}

/** Start and end (exclusive) positions of each block of the masked map. */
export function blockBounds(contextLength: number, blocks: number): [number, number][] {
  const out: [number, number][] = [];
  for (let b = 0; b < blocks; b++) {
    out.push([Math.floor((b * contextLength) / blocks), Math.floor(((b + 1) * contextLength) / blocks)]);
  }
  return out;
}

/**
 * Floats actually stored for the masked map with block-triangular storage: Σ_b end_b·d × len_b·d.
 * A dense map stores (T·d)²; the ideal (unmasked weights only) is T(T+1)/2·d².
 */
export function storedMaskedWeights(contextLength: number, dim: number, blocks: number): number {
  let total = 0;
  for (const [start, end] of blockBounds(contextLength, blocks)) total += end * dim * (end - start) * dim;
  return total;
}

/** Bytes needed to train a config, by part (float32 everywhere). */
export interface MemoryEstimate {
  weights: number;
  gradients: number;
  optimizer: number;
  activations: number;
  total: number;
}

const F32 = 4;

/**
 * Estimates the memory of training `config` with `batchSize` sequences a step: weights as stored,
 * their gradients, AdamW's two moments, and the forward/backward activations. Used to refuse
 * configs that cannot fit (WebAssembly has 4 GiB) before allocating anything.
 *
 * @example estimateMemory({ kind: 'mlp', vocabSize: 117, contextLength: 307, dim: 128 }, 128).total;
 */
export function estimateMemory(config: ModelConfig, batchSize: number): MemoryEstimate {
  const c = validateModelConfig(config);
  const { vocabSize: V, contextLength: T, dim: d } = c;
  let stored: number;
  let activationFloats: number;
  if (c.kind === 'transformer') {
    stored = parameterCount(c);
    // measured on WebAssembly (heap growth per sequence, L = 5, d = 384, T = 64): every tensor of
    // the forward pass lives until the backward pass ends, ≈ 130 floats per token, layer and d
    activationFloats = batchSize * T * (c.layers * (120 * d + 12 * c.heads * T) + 8 * V);
  } else {
    stored = storedMaskedWeights(T, d, c.blocks) + (c.kind === 'mlp' ? d * d + d : 0) + 2 * V * d + V + T * d;
    // embeddings, masked-map output, relu layers, their gradients; logits, softmax, one-hot, their gradients
    activationFloats = batchSize * T * (8 * d + 5 * V);
  }
  const weights = stored * F32;
  const gradients = stored * F32;
  const optimizer = 2 * stored * F32;
  const activations = activationFloats * F32;
  return { weights, gradients, optimizer, activations, total: weights + gradients + optimizer + activations };
}

/** WebAssembly's address space: 4 GiB. */
export const WASM_MEMORY_LIMIT = 4 * 2 ** 30;

/** Activations one WebAssembly training step may hold: the heap never shrinks and fragments, so well under the limit. */
export const WASM_ACTIVATION_BUDGET = 1.5 * 2 ** 30;

/**
 * Sequences per forward/backward pass so a step's activations fit `budgetBytes`: the whole batch
 * when it fits, else the largest count that does (at least 1). Splitting a batch this way gives
 * the same step (losses and gradients are sums over tokens), in bounded memory.
 *
 * @example microBatchSize({ kind: 'transformer', vocabSize: 512, contextLength: 64, dim: 384, layers: 5, heads: 6 }, 64); // 21
 */
export function microBatchSize(config: ModelConfig, batchSize: number, budgetBytes = WASM_ACTIVATION_BUDGET): number {
  const perSequence = estimateMemory(config, 1).activations;
  return Math.max(1, Math.min(batchSize, Math.floor(budgetBytes / perSequence)));
}

/**
 * Bytes a training step of `batchSize` sequences needs on `backend`: on WebAssembly, where a
 * batch runs as passes of {@link microBatchSize} sequences, the activations of one pass.
 *
 * @example trainingMemory(config, 64, 'wasm') <= WASM_MEMORY_LIMIT
 */
export function trainingMemory(config: ModelConfig, batchSize: number, backend: string): number {
  return estimateMemory(config, backend === 'wasm' ? microBatchSize(config, batchSize) : batchSize).total;
}
