export { version } from './version.js';
export { initBackend, currentBackend, BACKENDS, type BackendName, type InitBackendOptions } from './backend.js';
export {
  validateModelConfig,
  parameterCount,
  estimateMemory,
  storedMaskedWeights,
  blockBounds,
  defaultLinearBlocks,
  MODEL_KINDS,
  WASM_MEMORY_LIMIT,
  WASM_ACTIVATION_BUDGET,
  microBatchSize,
  trainingMemory,
  type ModelConfig,
  type ModelKind,
  type MemoryEstimate,
} from './config.js';
export { createModel, inferTorchLinearConfig, modelFromTorchStateDict } from './create-model.js';
export type { Model, OutputFeatures } from './model.js';
export { train, TRAIN_DEFAULTS, type TrainOptions, type TrainResult, type TrainProgress, type TrainMetrics } from './train.js';
export { generate, type GenerateOptions } from './generate.js';
export { learningRate } from './schedule.js';
export { yieldToEventLoop } from './event-loop.js';
export { ADAM_BETA1, ADAM_BETA2, ADAM_EPS } from './adamw.js';
export { packBatch, type TokenSequenceLike } from './batch.js';
export { Rng } from './rng.js';
export { parseSafetensors, serializeSafetensors, type NamedTensor, type TensorFile } from './safetensors.js';
export * from './errors.js';
export { MODEL_PRESETS, SIZE_DIMS, assertFitsMemory, type ModelPresetName, type SizeName } from './presets.js';
