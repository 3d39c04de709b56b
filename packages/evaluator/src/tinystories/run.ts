import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createModel, generate, parameterCount, train, trainingMemory, validateModelConfig, WASM_MEMORY_LIMIT, type Model, type ModelConfig, type TrainProgress } from '@cotlab/models';
import { loadCheckpoint } from '@cotlab/models/node';
import { bitsPerByte, KneserNeyModel, textStats } from '@cotlab/ngram';
import type { Tokenizer } from '@cotlab/tokenizer';
import { BudgetError } from '../errors.js';
import { machineInfo } from '../node/machine.js';
import { readDocuments, resolveTinyStoriesText, type Document } from './data.js';
import { STORY_PROMPTS, type TinyStoriesPreset } from './presets.js';
import { TINYSTORIES_REPORT_SCHEMA, type BaselineResult, type ModelResult, type TinyStoriesReport } from './report.js';
import { modelDocumentNll } from './score.js';
import { resolveTextTokenizer } from './tokenizer.js';
import { trainingWindows } from './windows.js';

export interface TinyStoriesRunOptions {
  preset: TinyStoriesPreset;
  /** Directory for checkpoints and the report. */
  outDir: string;
  /** The backend already initialised (`initBackend`). */
  backend: string;
  data?: string;
  sharedDir?: string;
  /** Overrides the preset's tokenizer. */
  tokenizer?: string;
  /** Multiplies every model's time budget (e.g. 0.1 for a smoke run). */
  budgetScale?: number;
  seed?: number;
  command?: string;
  signal?: AbortSignal;
  onStage?: (stage: string) => void;
  onTrainProgress?: (model: string, progress: TrainProgress) => void;
  onDownload?: (file: string, bytes: number, total: number) => void;
}

/** Optimizer steps timed to size a model's training from its wall-clock budget. */
const CALIBRATION_STEPS = 3;
/** Warm-up as a fraction of the steps (the paper's code warms up linearly). */
const WARMUP_FRACTION = 0.05;
/** Training tokens read at most when the budget cannot use more (full TinyStories is 470 M tokens). */
const MAX_TRAIN_TOKENS_PER_BUDGET_SECOND = 60_000;

function modelName(config: ModelConfig): string {
  return config.kind === 'transformer' ? `transformer-L${config.layers ?? 2}-d${config.dim}` : `${config.kind}-T${config.contextLength}-d${config.dim}`;
}

/** Refuses, before anything is read or allocated, a model that cannot fit the backend. */
function checkMemory(configs: readonly ModelConfig[], batchSize: number, backend: string): void {
  if (backend !== 'wasm') return;
  for (const config of configs) {
    const need = trainingMemory(config, batchSize, backend);
    if (need > WASM_MEMORY_LIMIT) throw new BudgetError(`the ${modelName(config)} model (batch ${batchSize})`, need, WASM_MEMORY_LIMIT, backend);
  }
}

function heldOut(documents: readonly Document[], score: (ids: ArrayLike<number>, index: number) => { nll: number; tokens: number }): ReturnType<typeof bitsPerByte> {
  let index = 0;
  return bitsPerByte(documents, (ids) => score(ids, index++));
}

async function trainOne(model: Model, windows: ReturnType<typeof trainingWindows>, preset: TinyStoriesPreset, options: TinyStoriesRunOptions, name: string, checkpointDir: string): Promise<{ steps: number; seconds: number; tokens: number; finalLoss: number; curve: { step: number; loss: number }[] }> {
  const seed = options.seed ?? 0;
  let steps: number;
  if (preset.epochs !== undefined) {
    steps = Math.max(1, Math.ceil((preset.epochs * windows.length) / preset.batchSize));
  } else {
    // Time a few steps on a throwaway copy, then size the run to the budget.
    const probe = createModel(model.config, { seed });
    const stamps: number[] = [];
    await train(probe, windows, { steps: CALIBRATION_STEPS + 1, batchSize: preset.batchSize, lr: preset.lr, seed, onProgress: () => stamps.push(performance.now()) });
    probe.dispose();
    const perStep = ((stamps.at(-1) ?? 0) - (stamps[0] ?? 0)) / 1000 / CALIBRATION_STEPS;
    steps = Math.max(10, Math.floor((preset.budgetSecondsPerModel * (options.budgetScale ?? 1)) / Math.max(perStep, 1e-3)));
  }
  const curve: { step: number; loss: number }[] = [];
  const every = Math.max(1, Math.floor(steps / 500));
  const result = await train(model, windows, {
    steps,
    batchSize: preset.batchSize,
    lr: preset.lr,
    warmupSteps: Math.floor(steps * WARMUP_FRACTION),
    seed,
    checkpointDir,
    checkpointEvery: Math.max(50, Math.floor(steps / 10)),
    resume: true,
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (p) => {
      if (p.step % every === 0 || p.step === steps) curve.push({ step: p.step, loss: p.loss });
      options.onTrainProgress?.(name, p);
    },
    metadata: { experiment: 'tinystories', preset: preset.name },
  });
  if (result.stopped === 'aborted') throw new Error(`tinystories: training of ${name} interrupted at step ${result.steps}; its checkpoint is in ${checkpointDir} and the same command resumes it`);
  return { steps: result.steps, seconds: result.elapsedSeconds, tokens: result.tokens, finalLoss: result.finalLoss, curve };
}

function tellStories(model: Model, tokenizer: Tokenizer, preset: TinyStoriesPreset, bos: number, eos: number, seed: number): { prompt: string; text: string }[] {
  const prompts = STORY_PROMPTS.slice(0, preset.stories);
  const encoded = prompts.map((p) => Int32Array.from([bos, ...tokenizer.encode(p)]));
  const continuations = generate(model, encoded, { maxNewTokens: preset.maxStoryTokens, temperature: preset.temperature, eos, seed });
  return prompts.map((prompt, i) => {
    const ids = Array.from(continuations[i] ?? []).filter((id) => id !== eos);
    return { prompt, text: tokenizer.decode([...tokenizer.encode(prompt), ...ids]) };
  });
}

/**
 * `cotlab reproduce tinystories`: the paper's linear model on TinyStories at CPU scale, next to an
 * MLP and a transformer of about the same parameter count and to n-gram baselines trained on the
 * same text, scored in bits per byte on held-out text, with stories from fixed prompts.
 */
export async function reproduceTinyStories(options: TinyStoriesRunOptions): Promise<TinyStoriesReport> {
  const started = performance.now();
  const { preset } = options;
  const stage = (s: string): void => options.onStage?.(s);
  checkMemory(preset.models.map((m) => validateModelConfig(m)), preset.batchSize, options.backend);

  const source = await resolveTinyStoriesText({
    ...(options.data === undefined ? {} : { data: options.data }),
    ...(options.sharedDir === undefined ? {} : { sharedDir: options.sharedDir }),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onDownload ? { onDownload: options.onDownload } : {}),
  });
  stage(`data: ${source.note}`);
  const { tokenizer, spec: tokenizerSpec, bos, eos } = await resolveTextTokenizer(options.tokenizer ?? preset.tokenizer, source.train, options.sharedDir);
  stage(`tokenizer: ${tokenizerSpec} (${tokenizer.size} tokens)`);
  const maxTrainTokens = preset.epochs !== undefined ? Infinity : preset.budgetSecondsPerModel * (options.budgetScale ?? 1) * MAX_TRAIN_TOKENS_PER_BUDGET_SECOND;
  const train_ = await readDocuments(source.train, tokenizer, { maxTokens: maxTrainTokens });
  const valid = await readDocuments(source.valid, tokenizer, { layout: source.validLayout, maxTokens: preset.evalTokens });
  const trainTokens = train_.reduce((s, d) => s + d.ids.length, 0);
  const validTokens = valid.reduce((s, d) => s + d.ids.length, 0);
  stage(`text: ${train_.length} training stories (${trainTokens} tokens), ${valid.length} held-out documents (${validTokens} tokens)`);

  const baselines: BaselineResult[] = [];
  for (const order of preset.baselineOrders) {
    const t = performance.now();
    const lm = KneserNeyModel.train(train_.map((d) => d.ids), { order, vocabSize: tokenizer.size, bos });
    const score = heldOut(valid, (ids) => lm.sequenceNll(ids));
    const name = order === 1 ? 'unigram' : order === 2 ? 'bigram' : `kneser-ney-${order}`;
    baselines.push({ name, order, ...score, seconds: (performance.now() - t) / 1000 });
    stage(`baseline ${name}: ${score.bitsPerByte.toFixed(3)} bits/byte`);
  }

  const windowsByLength = new Map<number, ReturnType<typeof trainingWindows>>();
  const models: ModelResult[] = [];
  const failures: TinyStoriesReport['failures'] = [];
  for (const base of preset.models) {
    const config = validateModelConfig({ ...base, vocabSize: Math.max(base.vocabSize, tokenizer.size) });
    const name = modelName(config);
    let windows = windowsByLength.get(config.contextLength);
    if (windows === undefined) windowsByLength.set(config.contextLength, (windows = trainingWindows(train_.map((d) => d.ids), config.contextLength, bos, eos)));
    const checkpointDir = join(options.outDir, 'models', name);
    await mkdir(checkpointDir, { recursive: true });
    stage(`training ${name} (${parameterCount(config).toLocaleString('en-US')} parameters)`);
    const model = createModel(config, { seed: options.seed ?? 0 });
    try {
      if (options.signal?.aborted) throw new Error('interrupted');
      const trained = await trainOne(model, windows, preset, options, name, checkpointDir);
      // Score and sample with the final weights exactly as checkpointed.
      const final = (await loadCheckpoint(checkpointDir)).model;
      try {
        stage(`scoring ${name} on held-out text`);
        const nlls = modelDocumentNll(final, valid.map((d) => d.ids), bos, options.signal);
        const score = heldOut(valid, (_ids, i) => nlls[i]!);
        const stories = tellStories(final, tokenizer, preset, bos, eos, options.seed ?? 0);
        models.push({
          name,
          config,
          parameters: final.parameterCount(),
          steps: trained.steps,
          batchSize: preset.batchSize,
          trainTokens: trained.tokens,
          trainSeconds: trained.seconds,
          finalTrainLoss: trained.finalLoss,
          curve: trained.curve,
          ...score,
          stories,
          stats: textStats(stories.map((s) => s.text)),
        });
        stage(`${name}: ${score.bitsPerByte.toFixed(3)} bits/byte`);
      } finally {
        final.dispose();
      }
    } catch (error) {
      // One model class failing (e.g. a backend abort) must not lose the others' results.
      if (options.signal?.aborted) throw error;
      const message = (error as Error).message.split('\n')[0] ?? String(error);
      failures.push({ name, kind: config.kind, parameters: parameterCount(config), error: message });
      stage(`${name} failed: ${message}`);
    } finally {
      model.dispose();
    }
  }

  const best = baselines.reduce((a, b) => (b.bitsPerByte < a.bitsPerByte ? b : a));
  const linear = models.find((m) => m.config.kind === 'linear');
  return {
    schema: TINYSTORIES_REPORT_SCHEMA,
    preset: preset.name,
    command: options.command ?? `cotlab reproduce tinystories --preset ${preset.name}`,
    createdAt: new Date().toISOString(),
    seconds: (performance.now() - started) / 1000,
    machine: machineInfo(options.backend),
    data: { source: source.note, trainDocuments: train_.length, trainTokens, validDocuments: valid.length, validTokens, validBytes: valid.reduce((s, d) => s + d.bytes, 0) },
    tokenizer: { spec: tokenizerSpec, size: tokenizer.size },
    baselines,
    models,
    failures,
    referenceStats: textStats(valid.slice(0, 200).map((d) => d.text)),
    goal: {
      bestBaseline: best.name,
      bestBaselineBitsPerByte: best.bitsPerByte,
      linearBitsPerByte: linear?.bitsPerByte ?? null,
      linearBeatsBestBaseline: linear === undefined ? null : linear.bitsPerByte < best.bitsPerByte,
    },
  };
}
