import { join } from 'node:path';
import { totalmem } from 'node:os';
import {
  createModel, generate, trainingMemory, initBackend, train, WASM_MEMORY_LIMIT,
  type BackendName, type Model, type ModelConfig, type TrainProgress,
} from '@cotlab/models';
import { BudgetError, EvaluatorError } from '../errors.js';
import { evaluate, type EvaluationProgress } from '../evaluate.js';
import { chanceBaseline } from '../metrics/baseline.js';
import { REPORT_SCHEMA, type CurvePoint, type RunReport, type TrainingSummary } from '../report.js';
import { multiplicationData, type MultiplicationData } from '../reproduce/multiplication-data.js';
import type { ReproducePreset } from '../reproduce/presets.js';
import { machineInfo } from './machine.js';
import { writeReport, type WrittenReport } from './write-report.js';

/** Points kept of the training curve (each the mean loss of its window of steps). */
const CURVE_POINTS = 200;
/** Held-out loss is measured about this many times during training. */
const EVAL_LOSS_TIMES = 10;
/** Batches of held-out sequences per held-out loss measurement. */
const EVAL_LOSS_BATCHES = 2;
/** Optimizer steps run at learning rate 0 to plan a time-budgeted run; the first few warm up (JIT, allocations) and are not timed. */
const CALIBRATION_STEPS = 30;
const CALIBRATION_WARMUP_STEPS = 15;
/** Calibration stops after this share of the budget once it has timed a few steps. */
const CALIBRATION_MAX_BUDGET_FRACTION = 0.05;
const CALIBRATION_MIN_STEPS = 3;
/** Share of the training budget planned for steps; the rest absorbs noise from a shared machine. */
const BUDGET_PLANNED_FRACTION = 0.97;
/** With a time budget, warm-up takes at most 1/10 of the planned steps. */
const WARMUP_MAX_FRACTION_DENOMINATOR = 10;
/** Training answers sampled for the chance baseline. */
const CHANCE_SAMPLES = 20_000;
/** Seed offsets of the independent random streams of a run. */
const SEED_TEST = 1_000_003;
const SEED_EVAL_LOSS = 2_000_003;
const SEED_CHANCE = 3_000_003;

/** What the pipeline reports while it runs; the CLI draws it. */
export type ReproduceEvent =
  | { stage: 'setup'; backend: string; parameterCount: number; sequenceLength: number; message: string }
  | { stage: 'calibrate'; secondsPerStep: number; plannedSteps: number; workers: number }
  | { stage: 'train'; progress: TrainProgress }
  | { stage: 'evaluate'; progress: EvaluationProgress }
  | { stage: 'report'; files: WrittenReport };

export interface ReproduceOptions {
  preset: ReproducePreset;
  /** Directory of the report and the checkpoint (created). */
  outDir: string;
  /** The command line, recorded in the report. */
  command: string;
  backend?: BackendName;
  /** Write the trained model as a checkpoint under `outDir/checkpoint` (default true). */
  checkpoint?: boolean;
  onProgress?: (event: ReproduceEvent) => void;
  /** Aborting stops training at the next step; the run then evaluates what it has (unless `evaluateOnAbort` is false). */
  signal?: AbortSignal;
  /** Evaluate and report a run whose training was interrupted by `signal` (default true); false throws the abort reason instead. */
  evaluateOnAbort?: boolean;
}

export interface ReproduceResult {
  report: RunReport;
  files: WrittenReport;
}

/** The model config a preset asks for, sized to the format's sequences. */
export function presetModelConfig(preset: ReproducePreset, data: Pick<MultiplicationData, 'sequenceLength' | 'tokenizer'>): ModelConfig {
  return {
    kind: preset.model.kind,
    vocabSize: data.tokenizer.size,
    contextLength: data.sequenceLength,
    dim: preset.model.dim,
    ...(preset.model.layers === undefined ? {} : { layers: preset.model.layers }),
    ...(preset.model.heads === undefined ? {} : { heads: preset.model.heads }),
  };
}

/**
 * Refuses, before anything is allocated, a run the backend cannot hold: WebAssembly addresses
 * 4 GiB; the others are held to the machine's memory. Returns the estimate (bytes) otherwise.
 *
 * @example checkMemory(config, 2048, 'wasm'); // throws BudgetError for the paper's 775M-parameter MLP
 */
export function checkMemory(config: ModelConfig, batchSize: number, backend: string, what = 'this run'): number {
  const needed = trainingMemory(config, batchSize, backend);
  const available = backend === 'wasm' ? WASM_MEMORY_LIMIT : totalmem();
  if (needed > available) throw new BudgetError(what, needed, available, backend);
  return needed;
}

/**
 * `cotlab reproduce multiplication`, end to end: builds the task and its split, trains the
 * preset's model on the training stream (within its time budget, measuring its own speed to plan
 * the learning-rate schedule), rolls it out greedily on distinct held-out pairs, and writes the
 * report (JSON, Markdown, SVG plots) and a checkpoint into `outDir`.
 *
 * @example
 * const { report } = await reproduceMultiplication({ preset: resolvePreset('quick'), outDir: 'runs/q', command: 'cotlab reproduce multiplication' });
 * report.evaluation.answers.exactMatch; // ≥ 0.9
 */
export async function reproduceMultiplication(options: ReproduceOptions): Promise<ReproduceResult> {
  const { preset, onProgress } = options;
  const data = multiplicationData(preset.digits, preset.format);
  const config = presetModelConfig(preset, data);
  const testExamples = data.testExamples(preset.eval.n, preset.seed + SEED_TEST);
  const backend = await initBackend(options.backend);
  checkMemory(config, preset.train.batchSize, backend, `the '${preset.name}' preset (${preset.model.kind}, d = ${preset.model.dim}, T = ${data.sequenceLength}, batch ${preset.train.batchSize})`);
  const model = createModel(config, { seed: preset.seed });
  try {
    onProgress?.({
      stage: 'setup', backend, parameterCount: model.parameterCount(), sequenceLength: data.sequenceLength,
      message: `${preset.digits[0]}×${preset.digits[1]} multiplication, ${preset.format} CoT (${data.sequenceLength} tokens), ${preset.model.kind} d = ${preset.model.dim}`,
    });
    const training = await trainWithinBudget(model, data, preset, options);
    if (options.signal?.aborted === true && options.evaluateOnAbort === false) throw options.signal.reason;
    const evalStart = performance.now();
    const result = await evaluate({
      model,
      codec: data.tokenizer,
      examples: testExamples,
      answerOf: (c) => data.task.format.answerOf(c),
      rollout: (prompts, o) => generate(model, prompts, { maxNewTokens: o.maxNewTokens, temperature: 0, ...(o.eos === undefined ? {} : { eos: o.eos }) }),
      batchSize: preset.eval.batchSize,
      ...(onProgress === undefined ? {} : { onProgress: (progress: EvaluationProgress) => onProgress({ stage: 'evaluate', progress }) }),
    });
    const chance = chanceBaseline(data.trainAnswers(CHANCE_SAMPLES, preset.seed + SEED_CHANCE), testExamples.map((e) => e.answer));
    const report: RunReport = {
      schema: REPORT_SCHEMA,
      title: `${preset.digits[0]}×${preset.digits[1]} multiplication: ${preset.format} CoT, ${preset.model.kind} (preset ${preset.name})`,
      command: options.command,
      createdAt: new Date().toISOString(),
      preset: preset.name,
      machine: machineInfo(backend),
      task: { name: 'multiplication', params: { digits: preset.digits }, format: preset.format, split: data.splitRule },
      model: { config: { ...config, ...(config.kind === 'transformer' ? { layers: model.config.layers, heads: model.config.heads } : {}) }, parameterCount: model.parameterCount() },
      training,
      evaluation: { ...result, split: 'test', seconds: (performance.now() - evalStart) / 1000, chance },
    };
    const files = await writeReport(options.outDir, report);
    onProgress?.({ stage: 'report', files });
    return { report: { ...report, plots: Object.fromEntries(Object.keys(files.plots).map((k) => [k, `${k}.svg`])) }, files };
  } finally {
    model.dispose();
  }
}

/** Trains for the preset's steps, or for as many as fit its time budget. */
async function trainWithinBudget(model: Model, data: MultiplicationData, preset: ReproducePreset, options: ReproduceOptions): Promise<TrainingSummary> {
  const t = preset.train;
  const stream = yieldingStream(data.trainSequences(preset.seed, t.lossMask), t.batchSize);
  let steps = t.steps;
  const started = performance.now();
  let workers = t.workers;
  if (t.budgetSeconds !== undefined) {
    // Time a few steps at lr 0 (AdamW then changes nothing) to learn this machine's speed; with
    // several workers, time one worker too and keep the faster (a busy machine may not have the cores).
    const budget = t.budgetSeconds;
    const calibrate = async (w: number): Promise<number> => {
      const at: number[] = [];
      const stop = new AbortController();
      await train(model, stream, {
        steps: CALIBRATION_STEPS, batchSize: t.batchSize, lr: 0, weightDecay: 0, workers: w, seed: preset.seed, signal: stop.signal,
        onProgress: (p) => {
          at.push(p.elapsedSeconds);
          // Slow steps: stop timing early rather than spend the budget on it.
          if (at.length >= CALIBRATION_MIN_STEPS && p.elapsedSeconds > budget * CALIBRATION_MAX_BUDGET_FRACTION) stop.abort();
        },
      });
      // The median step time after warm-up: robust to the spikes of a shared machine.
      const timed = at.length > CALIBRATION_WARMUP_STEPS ? at.slice(CALIBRATION_WARMUP_STEPS - 1) : at.slice(Math.min(1, at.length - 1));
      if (timed.length < 2) return Math.max(1e-6, at.at(-1) ?? 1);
      const steps = timed.slice(1).map((x, i) => x - timed[i]!).sort((a, b) => a - b);
      return Math.max(1e-6, steps[Math.floor(steps.length / 2)]!);
    };
    let secondsPerStep = await calibrate(workers);
    if (workers > 1) {
      const single = await calibrate(1);
      if (single < secondsPerStep) {
        secondsPerStep = single;
        workers = 1;
      }
    }
    const remaining = t.budgetSeconds - (performance.now() - started) / 1000;
    steps = Math.max(1, Math.min(t.steps, Math.floor((remaining * BUDGET_PLANNED_FRACTION) / secondsPerStep)));
    options.onProgress?.({ stage: 'calibrate', secondsPerStep, plannedSteps: steps, workers });
  }
  if (t.budgetSeconds === undefined && t.warmupSteps >= steps && steps > 1) {
    throw new EvaluatorError('preset.train.warmupSteps', `fewer than the ${steps} steps`, t.warmupSteps);
  }
  // A budget may plan fewer steps than the preset had in mind: warm up for at most a tenth of them.
  const warmupSteps = t.budgetSeconds === undefined ? t.warmupSteps : Math.min(t.warmupSteps, Math.floor(steps / WARMUP_MAX_FRACTION_DENOMINATOR));
  // A hard stop at the budget, in case the machine slows down after calibration.
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  // Checked after every step (the training loop need not yield to timers).
  const deadline = t.budgetSeconds === undefined ? Infinity : started + t.budgetSeconds * 1000;
  const window = Math.max(1, Math.ceil(steps / CURVE_POINTS));
  const curve: CurvePoint[] = [];
  let windowSum = 0;
  let windowCount = 0;
  let pendingEval: number | undefined;
  const evalEvery = Math.max(1, Math.ceil(steps / EVAL_LOSS_TIMES));
  try {
    const result = await train(model, stream, {
      steps,
      batchSize: t.batchSize,
      lr: t.lr,
      weightDecay: t.weightDecay,
      warmupSteps,
      workers,
      seed: preset.seed,
      evalData: heldOutSequences(data, preset),
      evalEvery,
      evalBatches: EVAL_LOSS_BATCHES,
      signal: controller.signal,
      ...(options.checkpoint === false ? {} : { checkpointDir: join(options.outDir, 'checkpoint') }),
      tokenizer: data.tokenizer.toJSON(),
      metadata: { task: 'multiplication', digits: preset.digits, format: preset.format, preset: preset.name, command: options.command },
      onMetrics: (m) => {
        if (m.type === 'eval') pendingEval = m.loss;
        if (m.type !== 'train') return;
        windowSum += m.loss;
        windowCount++;
        if (windowCount === window || pendingEval !== undefined) {
          curve.push({ step: m.step, loss: windowSum / windowCount, ...(pendingEval === undefined ? {} : { evalLoss: pendingEval }) });
          windowSum = 0;
          windowCount = 0;
          pendingEval = undefined;
        }
      },
      onProgress: (progress: TrainProgress) => {
        if (performance.now() >= deadline && !controller.signal.aborted) controller.abort(new Error('training budget spent'));
        options.onProgress?.({ stage: 'train', progress });
      },
    });
    if (windowCount > 0) curve.push({ step: result.steps, loss: windowSum / windowCount });
    if (pendingEval !== undefined) curve.push({ step: result.steps, loss: result.finalLoss, evalLoss: pendingEval });
    return {
      steps: result.steps,
      batchSize: t.batchSize,
      sequences: result.steps * t.batchSize,
      seconds: (performance.now() - started) / 1000,
      lr: t.lr,
      weightDecay: t.weightDecay,
      finalLoss: result.finalLoss,
      workers,
      stoppedEarly: result.stopped !== undefined,
      ...(t.budgetSeconds === undefined ? {} : { budgetSeconds: t.budgetSeconds }),
      curve,
    };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The training stream, made asynchronous: it yields to the event loop once per batch, so Ctrl-C
 * (SIGINT) and other timers are handled while training runs; otherwise a synchronous source keeps
 * the training loop in microtasks and signals wait until the end.
 */
function yieldingStream<T>(source: Iterable<T>, every: number): AsyncIterable<T> {
  return {
    async *[Symbol.asyncIterator]() {
      let count = 0;
      for (const item of source) {
        if (++count % every === 0) await new Promise<void>((resolve) => setImmediate(resolve));
        yield item;
      }
    },
  };
}

/** Held-out sequences for the training curve's held-out loss: test-split pairs, re-iterable. */
function heldOutSequences(data: MultiplicationData, preset: ReproducePreset): { ids: Int32Array; lossMask: Uint8Array }[] {
  const count = EVAL_LOSS_BATCHES * preset.train.batchSize;
  const examples = data.testExamples(Math.min(count, preset.eval.n), preset.seed + SEED_EVAL_LOSS);
  return examples.map((e) => {
    const ids = data.tokenizer.encodeSymbols([...e.prompt, ...e.cot, ...e.answer]);
    const lossMask = new Uint8Array(ids.length);
    lossMask.fill(1, preset.train.lossMask === 'all' ? 1 : e.prompt.length);
    return { ids, lossMask };
  });
}
