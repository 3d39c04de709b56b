import { trainingMemory, validateModelConfig, WASM_MEMORY_LIMIT, type ModelConfig } from './config.js';
import { ModelConfigError } from './errors.js';

/**
 * Named model configurations. The `paper-*` ones are the paper's sizes (Malach 2023, §5): the
 * 4×4 multiplication MLP (T = 307, d = 128, V = 117: 774.7M parameters counted the paper's way)
 * and the TinyStories linear model (T = 64, d = 256, V = 50,258 GPT-2 tokens: 162.1M). The
 * `cpu-*` ones are the benchmark's CPU-sized configurations.
 */
export const MODEL_PRESETS = {
  'paper-multiplication': { kind: 'mlp', vocabSize: 117, contextLength: 307, dim: 128 },
  'paper-tinystories': { kind: 'linear', vocabSize: 50258, contextLength: 64, dim: 256 },
  'cpu-multiplication': { kind: 'mlp', vocabSize: 117, contextLength: 307, dim: 16 },
  'cpu-small': { kind: 'mlp', vocabSize: 512, contextLength: 64, dim: 32 },
} as const satisfies Record<string, ModelConfig>;
export type ModelPresetName = keyof typeof MODEL_PRESETS;

/** Widths by size name, for configs whose T and V come from the data. */
export const SIZE_DIMS = { tiny: 8, small: 16, medium: 32, large: 64 } as const;
export type SizeName = keyof typeof SIZE_DIMS;

/**
 * Refuses, before anything is allocated, a config whose training memory (weights, gradients,
 * AdamW moments, activations for `batchSize` sequences) exceeds WebAssembly's 4 GiB, on the wasm
 * backend. Names the config and both sizes.
 *
 * @example assertFitsMemory(MODEL_PRESETS['paper-multiplication'], 128, 'wasm'); // throws
 */
export function assertFitsMemory(config: ModelConfig, batchSize: number, backend: string): void {
  const c = validateModelConfig(config);
  if (backend !== 'wasm') return;
  const total = trainingMemory(c, batchSize, backend);
  if (total > WASM_MEMORY_LIMIT) {
    throw new ModelConfigError(
      'dim',
      `small enough that training fits WebAssembly's 4 GiB (this ${c.kind} with T = ${c.contextLength}, V = ${c.vocabSize}, batch ${batchSize} needs ≈ ${(total / 2 ** 30).toFixed(1)} GiB)`,
      c.dim,
    );
  }
}
