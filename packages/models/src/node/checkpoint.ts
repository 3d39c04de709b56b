import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { validateModelConfig, type ModelConfig } from '../config.js';
import { createModel, modelFromTorchStateDict } from '../create-model.js';
import type { Model } from '../model.js';
import { parseSafetensors, serializeSafetensors, type NamedTensor } from '../safetensors.js';
import { writeFileAtomic } from './atomic-write.js';

/** File names inside a checkpoint directory. */
export const CHECKPOINT_FILES = { config: 'config.json', weights: 'model.safetensors', optimizer: 'optimizer.safetensors' } as const;
export const CHECKPOINT_FORMAT = 'cotlab-checkpoint';
export const CHECKPOINT_FORMAT_VERSION = 1;

/** Where training stood when the checkpoint was written; enough to resume exactly. */
export interface TrainingState {
  /** Completed optimizer steps. */
  step: number;
  /** Steps the run was asked for. */
  steps: number;
  /** Sequences consumed from the training stream. */
  position: number;
  /** Target tokens trained on so far. */
  tokens: number;
  /** The training RNG's state words. */
  rngState: number[];
  /** Backend the run used. */
  backend: string;
  /** The options the run used (numbers and strings only). */
  options: Record<string, unknown>;
  /** Last training loss and, when evaluated, eval loss. */
  loss?: number;
  evalLoss?: number;
}

/** config.json of a checkpoint directory. */
export interface CheckpointManifest {
  format: typeof CHECKPOINT_FORMAT;
  formatVersion: number;
  model: Required<ModelConfig>;
  parameterCount: number;
  /** The tokenizer as JSON (e.g. Hugging Face tokenizer.json) or a spec that rebuilds it ('malach-product', a path…). */
  tokenizer?: unknown;
  training?: TrainingState;
  /** Anything else the caller wants kept (task, format, command line…). */
  metadata?: Record<string, unknown>;
  /** When this checkpoint was written (ISO time). */
  savedAt: string;
}

export interface CheckpointExtra {
  tokenizer?: unknown;
  training?: TrainingState;
  metadata?: Record<string, unknown>;
  /** Optimizer moments to write beside the weights (training checkpoints). */
  optimizerState?: ReadonlyMap<string, NamedTensor>;
}

/**
 * Saves a model as a checkpoint directory: `model.safetensors` (for linear/mlp, the paper's
 * PyTorch names and shapes, loadable by its `LinearModel`), `config.json`, and with training state
 * `optimizer.safetensors`. Each file is written atomically, config.json last; every file carries
 * the step so a torn set is detected on load.
 *
 * @example await saveCheckpoint(model, 'runs/mult', { tokenizer: 'malach-product' });
 */
export async function saveCheckpoint(model: Model, dir: string, extra: CheckpointExtra = {}): Promise<void> {
  const step = String(extra.training?.step ?? 0);
  await writeFileAtomic(join(dir, CHECKPOINT_FILES.weights), serializeSafetensors(model.exportWeights(), { format: 'pt', step }));
  if (extra.optimizerState !== undefined) {
    await writeFileAtomic(join(dir, CHECKPOINT_FILES.optimizer), serializeSafetensors(extra.optimizerState, { step }));
  }
  const manifest: CheckpointManifest = {
    format: CHECKPOINT_FORMAT,
    formatVersion: CHECKPOINT_FORMAT_VERSION,
    model: model.config,
    parameterCount: model.parameterCount(),
    ...(extra.tokenizer === undefined ? {} : { tokenizer: extra.tokenizer }),
    ...(extra.training === undefined ? {} : { training: extra.training }),
    ...(extra.metadata === undefined ? {} : { metadata: extra.metadata }),
    savedAt: new Date().toISOString(),
  };
  await writeFileAtomic(join(dir, CHECKPOINT_FILES.config), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** A loaded checkpoint: the model (initialised backend required), its manifest, optimizer moments. */
export interface LoadedCheckpoint {
  model: Model;
  manifest: CheckpointManifest;
  optimizerState?: Map<string, NamedTensor>;
}

/** Reads config.json of a checkpoint directory without loading weights. */
export async function readManifest(dir: string): Promise<CheckpointManifest> {
  const path = join(dir, CHECKPOINT_FILES.config);
  const manifest = JSON.parse(await readFile(path, 'utf8')) as CheckpointManifest;
  if (manifest.format !== CHECKPOINT_FORMAT) throw new Error(`models: ${path} is not a cotlab checkpoint (format '${String(manifest.format)}')`);
  validateModelConfig(manifest.model);
  return manifest;
}

/**
 * Loads a checkpoint directory written by {@link saveCheckpoint}. Wrong shapes are reported with
 * the tensor's name and both shapes.
 *
 * @example const { model, manifest } = await loadCheckpoint('runs/mult');
 */
export async function loadCheckpoint(dir: string): Promise<LoadedCheckpoint> {
  const manifest = await readManifest(dir);
  const weightsPath = join(dir, CHECKPOINT_FILES.weights);
  const weights = parseSafetensors(await readFile(weightsPath), weightsPath);
  const step = String(manifest.training?.step ?? 0);
  if ((weights.metadata['step'] ?? step) !== step) {
    throw new Error(`models: ${weightsPath} is from step ${weights.metadata['step']}, but config.json is from step ${step} (torn checkpoint)`);
  }
  const model = createModel(manifest.model, { seed: 0 });
  try {
    model.importWeights(weights.tensors, weightsPath);
  } catch (error) {
    model.dispose();
    throw error;
  }
  let optimizerState: Map<string, NamedTensor> | undefined;
  if (manifest.training !== undefined) {
    const optPath = join(dir, CHECKPOINT_FILES.optimizer);
    const exists = await stat(optPath).then(
      () => true,
      () => false,
    );
    if (exists) {
      const opt = parseSafetensors(await readFile(optPath), optPath);
      if ((opt.metadata['step'] ?? step) !== step) {
        model.dispose();
        throw new Error(`models: ${optPath} is from step ${opt.metadata['step']}, but config.json is from step ${step} (torn checkpoint)`);
      }
      optimizerState = opt.tensors;
    }
  }
  return { model, manifest, ...(optimizerState === undefined ? {} : { optimizerState }) };
}

/**
 * Loads the paper's PyTorch `LinearModel` from its `state_dict()` saved as safetensors; the
 * architecture (linear or mlp, V, T, d) is inferred from tensor names and shapes.
 *
 * @example const model = await loadTorchLinearModel('linearlm-relu-small.safetensors');
 */
export async function loadTorchLinearModel(safetensorsPath: string, overrides: { blocks?: number } = {}): Promise<Model> {
  const { tensors } = parseSafetensors(await readFile(safetensorsPath), safetensorsPath);
  return modelFromTorchStateDict(tensors, safetensorsPath, overrides);
}

/**
 * Loads a model from a checkpoint directory or a PyTorch `LinearModel` safetensors file.
 *
 * @example const { model } = await loadAnyModel(process.argv[2]);
 */
export async function loadAnyModel(path: string): Promise<{ model: Model; manifest?: CheckpointManifest }> {
  const info = await stat(path);
  if (info.isDirectory()) return loadCheckpoint(path);
  return { model: await loadTorchLinearModel(path) };
}

