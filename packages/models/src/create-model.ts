import { validateModelConfig, type ModelConfig } from './config.js';
import { ModelConfigError } from './errors.js';
import { LinearModel } from './linear-model.js';
import type { Model } from './model.js';
import { Rng } from './rng.js';
import { TransformerModel } from './transformer.js';
import type { NamedTensor } from './safetensors.js';

/**
 * Builds a freshly initialised model from a plain config (validated first, nothing allocated on
 * a bad config). Call `initBackend()` before.
 *
 * @example const model = createModel({ kind: 'mlp', vocabSize: 117, contextLength: 307, dim: 16 }, { seed: 1 });
 */
export function createModel(config: ModelConfig, { seed }: { seed: number }): Model {
  const c = validateModelConfig(config);
  const rng = new Rng(seed);
  return c.kind === 'transformer' ? new TransformerModel(c, rng) : new LinearModel(c, rng);
}

/**
 * Infers a linear/mlp config from the paper's PyTorch `LinearModel` state dict: V and d from
 * `in_embedding.weight` [V, d], T from `linear1.weight` [T·d, T·d], ReLU from `linear2.weight`.
 *
 * @example const config = inferTorchLinearConfig(parseSafetensors(bytes).tensors);
 */
export function inferTorchLinearConfig(tensors: ReadonlyMap<string, NamedTensor>, source = 'the state dict'): Required<ModelConfig> {
  const emb = tensors.get('in_embedding.weight');
  const lin = tensors.get('linear1.weight');
  if (emb?.shape.length !== 2) throw new ModelConfigError(`${source}: in_embedding.weight`, 'a [V, d] tensor', emb?.shape ?? 'missing');
  if (lin?.shape.length !== 2) throw new ModelConfigError(`${source}: linear1.weight`, 'a [T·d, T·d] tensor', lin?.shape ?? 'missing');
  const [V, d] = emb.shape as [number, number];
  const Td = lin.shape[0]!;
  if (Td % d !== 0 || lin.shape[1] !== Td) throw new ModelConfigError(`${source}: linear1.weight`, `a square [T·d, T·d] tensor with d = ${d}`, lin.shape);
  return validateModelConfig({ kind: tensors.has('linear2.weight') ? 'mlp' : 'linear', vocabSize: V, contextLength: Td / d, dim: d });
}

/**
 * Builds a model from the paper's PyTorch state dict (architecture inferred from the tensors).
 *
 * @example const model = modelFromTorchStateDict(parseSafetensors(bytes).tensors);
 */
export function modelFromTorchStateDict(tensors: ReadonlyMap<string, NamedTensor>, source = 'the state dict', overrides: Partial<Pick<ModelConfig, 'blocks'>> = {}): Model {
  const config = { ...inferTorchLinearConfig(tensors, source), ...overrides };
  const model = createModel(config, { seed: 0 });
  try {
    model.importWeights(tensors, source);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return model;
}
