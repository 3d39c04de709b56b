import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createTask, datasetSequences, tokenizerFor, type Task, type TokenSequence } from '@cotlab/corpus';
import { openShard } from '@cotlab/corpus/node';
import {
  assertFitsMemory,
  BACKENDS,
  createModel,
  initBackend,
  MODEL_KINDS,
  MODEL_PRESETS,
  ModelArgumentError,
  ModelConfigError,
  NonFiniteLossError,
  SIZE_DIMS,
  train,
  TRAIN_DEFAULTS,
  validateModelConfig,
  type ModelConfig,
  type TokenSequenceLike,
  type TrainOptions,
} from '@cotlab/models';
import { readManifest } from '@cotlab/models/node';
import { WordLevelTokenizer } from '@cotlab/tokenizer';
import { UsageError, type CommandSpec, type ParsedValues } from '../command.js';
import { choiceOption, intOption, numberOption, stringOption } from '../options.js';
import { createProgressBar } from '../progress.js';

/** Records read from the data to infer the context length when --context is absent. */
const PEEK_RECORDS = 256;

type Source = Iterable<TokenSequenceLike> | AsyncIterable<TokenSequenceLike>;

interface DataPlan {
  train: Source;
  eval?: Source;
  vocabSize: number;
  /** Longest record seen (ids), to infer T = longest − 1. */
  longest: number;
  tokenizer?: unknown;
  describe: string;
}

/** Merges a JSON config file (flag names in camelCase or as written) under the command-line flags. */
function withConfigFile(values: ParsedValues): ParsedValues {
  const file = stringOption(values, 'config');
  if (file === undefined) return values;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`--config ${file}: ${(error as Error).message}`);
  }
  const merged: ParsedValues = {};
  const flat = { ...json, ...(typeof json['model'] === 'object' ? (json['model'] as Record<string, unknown>) : {}) };
  for (const [key, value] of Object.entries(flat)) {
    if (key === 'model' && typeof value === 'object') continue;
    const flag = key === 'kind' ? 'model' : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const alias: Record<string, string> = { 'context-length': 'context', 'vocab-size': 'vocab', 'batch-size': 'batch', 'warmup-steps': 'warmup', 'checkpoint-dir': 'out' };
    const name = alias[flag] ?? flag;
    if (!(name in trainCommand.options!)) throw new UsageError(`--config ${file}: unknown field '${key}'`);
    merged[name] = typeof value === 'boolean' ? value : String(value);
  }
  for (const [k, v] of Object.entries(values)) if (v !== undefined) merged[k] = v;
  return merged;
}

function shardPlan(path: string, evalPath: string | undefined): DataPlan {
  if (!existsSync(path)) throw new UsageError(`--shard ${path}: no such file`);
  const shard = openShard(path);
  const { header, index } = shard;
  let longest = 0;
  for (let i = 0; i + 1 < index.offsets.length; i++) longest = Math.max(longest, index.offsets[i + 1]! - index.offsets[i]!);
  const hasTest = index.splits.some((s) => s === 1);
  const records = (p: typeof shard, split: 'train' | 'test'): AsyncIterable<TokenSequence> => ({ [Symbol.asyncIterator]: () => p.records({ split })[Symbol.asyncIterator]() });
  const evalShard = evalPath === undefined ? undefined : openShard(evalPath);
  const meta = header.meta;
  let tokenizer: unknown;
  try {
    const task = createTask(String(meta['task']), { ...(meta['params'] as Record<string, unknown>), format: meta['format'] });
    tokenizer = tokenizerFor(task).toJSON();
  } catch {
    const vocab = meta['vocabulary'];
    if (Array.isArray(vocab)) tokenizer = WordLevelTokenizer.fromSymbols(vocab as string[]).toJSON();
  }
  return {
    train: records(shard, 'train'),
    ...(evalShard !== undefined ? { eval: records(evalShard, 'test') } : hasTest ? { eval: records(shard, 'test') } : {}),
    vocabSize: header.vocabSize,
    longest,
    ...(tokenizer === undefined ? {} : { tokenizer }),
    describe: `shard ${path} (${header.count} records, ${header.tokens} tokens)`,
  };
}

function taskPlan(name: string, values: ParsedValues): DataPlan {
  const params: Record<string, unknown> = {};
  for (const key of ['digits', 'bits', 'format']) {
    const v = stringOption(values, key);
    if (v !== undefined) params[key] = v;
  }
  let task: Task;
  try {
    task = createTask(name, params);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^corpus: /u, ''));
  }
  const n = intOption(values, 'n', 10_000, 1);
  const seed = intOption(values, 'data-seed', 0, 0);
  // re-iterable: each epoch draws the same n examples again
  const source = (split: 'train' | 'test', count: number, s: number): Iterable<TokenSequence> => ({ [Symbol.iterator]: () => datasetSequences(task, { split, count, seed: s })[Symbol.iterator]() });
  let longest = 0;
  let k = 0;
  for (const seq of source('train', Math.min(n, PEEK_RECORDS), seed)) {
    longest = Math.max(longest, seq.ids.length);
    if (++k >= PEEK_RECORDS) break;
  }
  const tokenizer = tokenizerFor(task);
  return {
    train: source('train', n, seed),
    eval: source('test', Math.min(n, 1024), seed + 1),
    vocabSize: tokenizer.size,
    longest,
    tokenizer: tokenizer.toJSON(),
    describe: `task ${name} ${JSON.stringify(params)} (${n} train examples a pass, seed ${seed})`,
  };
}

function modelConfig(values: ParsedValues, plan: DataPlan): ModelConfig {
  const preset = stringOption(values, 'preset');
  if (preset !== undefined) {
    if (!(preset in MODEL_PRESETS)) throw new UsageError(`--preset must be one of ${Object.keys(MODEL_PRESETS).join(', ')}; got '${preset}'`);
    return { ...MODEL_PRESETS[preset as keyof typeof MODEL_PRESETS] };
  }
  const kind = choiceOption(values, 'model', MODEL_KINDS, 'mlp');
  const size = choiceOption(values, 'size', Object.keys(SIZE_DIMS) as (keyof typeof SIZE_DIMS)[], 'small');
  const dim = intOption(values, 'dim', SIZE_DIMS[size], 1);
  const contextLength = intOption(values, 'context', Math.max(1, plan.longest - 1), 1);
  const vocabSize = intOption(values, 'vocab', plan.vocabSize, 1);
  const blocks = stringOption(values, 'blocks');
  const layers = stringOption(values, 'layers');
  const heads = stringOption(values, 'heads');
  return {
    kind,
    vocabSize,
    contextLength,
    dim,
    ...(blocks === undefined ? {} : { blocks: intOption(values, 'blocks', 1, 1) }),
    ...(layers === undefined ? {} : { layers: intOption(values, 'layers', 1, 1) }),
    ...(heads === undefined ? {} : { heads: intOption(values, 'heads', 1, 1) }),
  };
}

export const trainCommand: CommandSpec = {
  name: 'train',
  summary: 'train a linear, MLP or transformer next-token predictor on a corpus shard or a task, with checkpoints',
  options: {
    config: { type: 'string', valueName: 'FILE', description: 'JSON file of these options (camelCase or as written; a "model" object may hold kind/dim/…); flags override it' },
    shard: { type: 'string', valueName: 'FILE', description: "training data: a cotlab corpus shard (its 'train' records; 'test' records are the eval set)" },
    'eval-shard': { type: 'string', valueName: 'FILE', description: "eval data: this shard's 'test' records" },
    task: { type: 'string', valueName: 'NAME', description: 'training data drawn from a corpus task instead of a shard (with --digits, --bits, --format, --n)' },
    digits: { type: 'string', valueName: 'NxM', description: "task parameter, e.g. '4x4'" },
    bits: { type: 'string', valueName: 'N', description: 'task parameter' },
    format: { type: 'string', valueName: 'F', description: 'task CoT format' },
    n: { type: 'string', valueName: 'N', description: 'task: training examples a pass (default 10000)' },
    'data-seed': { type: 'string', valueName: 'S', description: 'task: seed of the example sampler (default 0)' },
    model: { type: 'string', valueName: 'KIND', description: `model class: ${MODEL_KINDS.join(', ')} (default mlp)` },
    size: { type: 'string', valueName: 'SIZE', description: `width preset: ${Object.entries(SIZE_DIMS).map(([k, v]) => `${k} (d=${v})`).join(', ')} (default small)` },
    preset: { type: 'string', valueName: 'NAME', description: `a whole model config: ${Object.keys(MODEL_PRESETS).join(', ')}` },
    dim: { type: 'string', valueName: 'D', description: 'embedding width d (overrides --size)' },
    context: { type: 'string', valueName: 'T', description: 'context length T (default: longest record − 1)' },
    vocab: { type: 'string', valueName: 'V', description: "vocabulary size (default: the data's)" },
    blocks: { type: 'string', valueName: 'K', description: 'linear/mlp: position blocks of the masked map (speed only)' },
    layers: { type: 'string', valueName: 'L', description: 'transformer: blocks' },
    heads: { type: 'string', valueName: 'H', description: 'transformer: attention heads' },
    steps: { type: 'string', valueName: 'N', description: 'optimizer steps', default: '1000' },
    batch: { type: 'string', valueName: 'B', description: 'sequences per micro-batch', default: '32' },
    accumulate: { type: 'string', valueName: 'K', description: 'micro-batches per optimizer step', default: String(TRAIN_DEFAULTS.accumulate) },
    lr: { type: 'string', valueName: 'LR', description: 'peak learning rate', default: String(TRAIN_DEFAULTS.lr) },
    'weight-decay': { type: 'string', valueName: 'WD', description: 'AdamW decoupled weight decay (not on biases)', default: String(TRAIN_DEFAULTS.weightDecay) },
    warmup: { type: 'string', valueName: 'N', description: 'linear warm-up steps, then linear decay', default: '0' },
    'grad-clip': { type: 'string', valueName: 'C', description: 'global gradient-norm clip (0: off)', default: String(TRAIN_DEFAULTS.gradClip) },
    seed: { type: 'string', valueName: 'S', description: 'seed of the initialisation', default: '0' },
    'eval-every': { type: 'string', valueName: 'N', description: 'evaluate every N steps (0: at the end)', default: '0' },
    'checkpoint-every': { type: 'string', valueName: 'N', description: 'checkpoint every N steps (always at the end and on Ctrl-C)', default: '0' },
    workers: { type: 'string', valueName: 'N', description: `data-parallel worker threads (default: the number of cores, ${availableParallelism()})` },
    backend: { type: 'string', valueName: 'NAME', description: `force a backend: ${BACKENDS.join(', ')} (default: the first that loads)` },
    out: { type: 'string', valueName: 'DIR', description: 'checkpoint directory (model.safetensors, config.json, optimizer.safetensors, metrics.jsonl)' },
    resume: { type: 'boolean', description: 'continue the run in --out exactly where its checkpoint stopped' },
  },
  details: `Examples:
  cotlab corpus make multiplication --digits 4x4 --format malach --n 20000 --out mult.shard
  cotlab train --shard mult.shard --model mlp --dim 16 --steps 2000 --batch 64 --lr 3e-3 --out runs/mult
  cotlab train --task multiplication --digits 2x2 --format malach --model linear --steps 300 --out runs/m22
  cotlab train --out runs/mult --resume      (after Ctrl-C: continues exactly)
Metrics go to DIR/metrics.jsonl, one JSON object a line. Configs that cannot fit WebAssembly's
4 GiB (e.g. --preset paper-multiplication) are refused before anything is allocated.`,
  async run({ values: rawValues, positionals, stdout, stderr, signal }) {
    if (positionals.length > 0) throw new UsageError(`train takes no positional arguments, got '${positionals.join(' ')}'`);
    const values = withConfigFile(rawValues);
    const out = stringOption(values, 'out');
    if (out === undefined) throw new UsageError('--out DIR is required (checkpoints and metrics go there)');
    const resume = values['resume'] === true;
    const shard = stringOption(values, 'shard');
    const taskName = stringOption(values, 'task');
    if ((shard === undefined) === (taskName === undefined)) throw new UsageError('give exactly one data source: --shard FILE or --task NAME');
    const steps = intOption(values, 'steps', 1000, 0);
    const batchSize = intOption(values, 'batch', 32, 1);
    const workers = intOption(values, 'workers', availableParallelism(), 1, 64);
    const backendName = stringOption(values, 'backend');
    if (backendName !== undefined && !(BACKENDS as readonly string[]).includes(backendName)) throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}; got '${backendName}'`);

    const plan = shard !== undefined ? shardPlan(shard, stringOption(values, 'eval-shard')) : taskPlan(taskName!, values);
    let config: ModelConfig;
    if (resume && existsSync(join(out, 'config.json'))) {
      config = (await readManifest(out)).model;
    } else {
      config = modelConfig(values, plan);
    }
    try {
      validateModelConfig(config);
    } catch (error) {
      if (error instanceof ModelConfigError) throw new UsageError(error.message.replace(/^models: /u, ''));
      throw error;
    }
    if (config.vocabSize < plan.vocabSize) throw new UsageError(`the model's vocabulary (${config.vocabSize}) is smaller than the data's (${plan.vocabSize})`);
    const backend = await initBackend(backendName as (typeof BACKENDS)[number] | undefined);
    assertFitsMemory(config, batchSize, backend);
    const model = createModel(config, { seed: intOption(values, 'seed', 0, 0) });
    stderr.write(`backend ${backend}; ${config.kind} T=${config.contextLength} d=${config.dim} V=${config.vocabSize}: ${model.parameterCount().toLocaleString('en-US')} parameters; data: ${plan.describe}\n`);
    mkdirSync(out, { recursive: true });
    const metricsPath = join(out, 'metrics.jsonl');
    const bar = createProgressBar({ label: 'train', total: steps, unit: 'steps', stream: stderr });
    const options: TrainOptions = {
      steps,
      batchSize,
      accumulate: intOption(values, 'accumulate', 1, 1),
      lr: numberOption(values, 'lr', TRAIN_DEFAULTS.lr),
      weightDecay: numberOption(values, 'weight-decay', TRAIN_DEFAULTS.weightDecay),
      warmupSteps: intOption(values, 'warmup', 0, 0),
      gradClip: numberOption(values, 'grad-clip', TRAIN_DEFAULTS.gradClip),
      seed: intOption(values, 'seed', 0, 0),
      evalEvery: intOption(values, 'eval-every', 0, 0),
      checkpointEvery: intOption(values, 'checkpoint-every', 0, 0),
      checkpointDir: out,
      resume,
      workers,
      signal,
      ...(plan.eval === undefined ? {} : { evalData: plan.eval }),
      ...(plan.tokenizer === undefined ? {} : { tokenizer: plan.tokenizer }),
      metadata: { data: plan.describe, command: ['cotlab', 'train', ...process.argv.slice(3)].join(' ') },
      onProgress: (p) => bar.update(p.step, `loss ${p.loss.toFixed(4)}${p.evalLoss === undefined ? '' : ` eval ${p.evalLoss.toFixed(4)}`} ${Math.round(p.tokensPerSecond)} tok/s`),
      onMetrics: (record) => appendFileSync(metricsPath, `${JSON.stringify(record)}\n`),
    };
    try {
      const result = await train(model, plan.train, options);
      bar.finish(
        `${result.stopped === 'aborted' ? 'interrupted at' : 'trained'} step ${result.steps}/${steps}: loss ${result.finalLoss.toFixed(4)}` +
          `${result.evalLoss === undefined ? '' : `, eval loss ${result.evalLoss.toFixed(4)}`}, ${Math.round(result.tokens / Math.max(result.elapsedSeconds, 1e-9))} tok/s on ${result.backend}` +
          (result.stopped === 'data-exhausted' ? ' (the data ran out)' : ''),
      );
      stdout.write(`${JSON.stringify({ out, steps: result.steps, loss: result.finalLoss, evalLoss: result.evalLoss ?? null, tokens: result.tokens, backend: result.backend, stopped: result.stopped ?? null })}\n`);
      return result.stopped === 'aborted' ? 130 : 0;
    } catch (error) {
      bar.finish();
      if (error instanceof NonFiniteLossError || error instanceof ModelArgumentError) {
        stderr.write(`cotlab: ${error.message.replace(/^models: /u, '')}\n`);
        return 1;
      }
      throw error;
    } finally {
      model.dispose();
    }
  },
};
