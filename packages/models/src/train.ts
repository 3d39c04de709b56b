import { AdamW } from './adamw.js';
import { currentBackend } from './backend.js';
import { microBatchSize } from './config.js';
import { gradientsInChunks, lossSum, packBatch, type TokenSequenceLike } from './batch.js';
import { SequenceStream, type SequenceSource } from './data-stream.js';
import { ModelArgumentError, NonFiniteLossError } from './errors.js';
import type { Model } from './model.js';
import type { NamedTensor } from './safetensors.js';
import { Rng } from './rng.js';
import { yieldToEventLoop } from './event-loop.js';
import { learningRate } from './schedule.js';
import { tf } from './tf.js';
import type { TrainingState } from './node/checkpoint.js';
import type { ParallelTrainer, WorkerTimings } from './node/parallel.js';

/**
 * The paper's training recipe, as defaults (Malach 2023, §5 and its released code): AdamW,
 * linear warm-up then linear decay, gradient-norm clipping at 1.0.
 */
export const TRAIN_DEFAULTS = {
  lr: 1e-3,
  weightDecay: 0.1,
  warmupSteps: 0,
  gradClip: 1.0,
  accumulate: 1,
  seed: 0,
  evalEvery: 0,
  evalBatches: 8,
  checkpointEvery: 0,
  workers: 1,
} as const;

/** What `onProgress` receives after every optimizer step. */
export interface TrainProgress {
  step: number;
  steps: number;
  loss: number;
  lr: number;
  tokensPerSecond: number;
  etaSeconds: number;
  tokens: number;
  elapsedSeconds: number;
  backend: string;
  evalLoss?: number;
}

/** One line of the metrics log (JSONL). */
export type TrainMetrics =
  | {
      type: 'train';
      step: number;
      loss: number;
      lr: number;
      gradNorm: number;
      tokens: number;
      tokensPerSecond: number;
      elapsedSeconds: number;
      /** With worker threads: where each one's time on this step went (ms, by phase). */
      workers?: readonly WorkerTimings[];
    }
  | { type: 'eval'; step: number; loss: number; tokens: number }
  | { type: 'checkpoint'; step: number; dir: string };

export interface TrainOptions {
  steps: number;
  /** Sequences per micro-batch. */
  batchSize: number;
  lr?: number;
  weightDecay?: number;
  warmupSteps?: number;
  /** Final learning rate as a fraction of `lr` (default 0: decay to zero). */
  minLrRatio?: number;
  gradClip?: number;
  /** Micro-batches summed into one optimizer step. */
  accumulate?: number;
  /**
   * Sequences per forward/backward pass (the same step, in less memory). Default: the whole batch,
   * or on WebAssembly as many as fit `WASM_ACTIVATION_BUDGET` (see `microBatchSize`).
   */
  microBatchSize?: number;
  seed?: number;
  evalData?: Iterable<TokenSequenceLike> | AsyncIterable<TokenSequenceLike>;
  /** Evaluate every N steps (0: only at the end, when evalData is given). */
  evalEvery?: number;
  /** Batches of `batchSize` read from evalData per evaluation. */
  evalBatches?: number;
  checkpointDir?: string;
  checkpointEvery?: number;
  /** Continue from the checkpoint in checkpointDir (weights, optimizer, data position, RNG). */
  resume?: boolean;
  /** Worker threads for data parallelism (Node only). */
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (p: TrainProgress) => void;
  onMetrics?: (record: TrainMetrics) => void;
  /** Kept in each checkpoint so generation can take text (a tokenizer.json or a spec). */
  tokenizer?: unknown;
  /** Kept in each checkpoint's config.json. */
  metadata?: Record<string, unknown>;
}

export interface TrainResult {
  /** Optimizer steps completed (including those before a resume). */
  steps: number;
  /** Loss of each step run in this call, in order. */
  losses: number[];
  finalLoss: number;
  evalLoss?: number;
  tokens: number;
  elapsedSeconds: number;
  backend: string;
  /** Why training ended before `steps`: interrupted by the signal, or a one-shot data source ran out. */
  stopped?: 'aborted' | 'data-exhausted';
  /** The last checkpoint written, if any. */
  checkpointStep?: number;
}

function checkInt(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new ModelArgumentError(name, `an integer ≥ ${min}`, value);
}

function checkNumber(name: string, value: number, min: number): void {
  if (!Number.isFinite(value) || value < min) throw new ModelArgumentError(name, `a finite number ≥ ${min}`, value);
}

/** Timings rounded to 0.1 ms, for the metrics log. */
function toTenthsOfMs(t: WorkerTimings): WorkerTimings {
  const r = (ms: number): number => Math.round(ms * 10) / 10;
  return { refreshMs: r(t.refreshMs), gradientsMs: r(t.gradientsMs), reduceMs: r(t.reduceMs), updateMs: r(t.updateMs) };
}

/**
 * Trains a model on a stream of token sequences with AdamW (decoupled weight decay, none on
 * biases), warm-up then linear decay, gradient clipping and accumulation. Each step's loss is the
 * mean over the weighted targets of all its micro-batches. Deterministic for a given seed, data
 * and backend. Stops at a safe point when `signal` aborts (writing a checkpoint when
 * `checkpointDir` is set); a NaN or infinite loss throws {@link NonFiniteLossError} and leaves the
 * last good checkpoint in place.
 *
 * @example
 * const result = await train(model, sequences, { steps: 100, batchSize: 32, lr: 1e-3 });
 */
export async function train(model: Model, data: SequenceSource, options: TrainOptions): Promise<TrainResult> {
  const o = { ...TRAIN_DEFAULTS, ...options };
  checkInt('steps', o.steps, 0);
  checkInt('batchSize', o.batchSize, 1);
  checkInt('accumulate', o.accumulate, 1);
  if (o.microBatchSize !== undefined) checkInt('microBatchSize', o.microBatchSize, 1);
  checkInt('warmupSteps', o.warmupSteps, 0);
  checkInt('evalEvery', o.evalEvery, 0);
  checkInt('evalBatches', o.evalBatches, 1);
  checkInt('checkpointEvery', o.checkpointEvery, 0);
  checkInt('workers', o.workers, 1);
  checkInt('seed', o.seed, 0);
  checkNumber('lr', o.lr, 0);
  checkNumber('weightDecay', o.weightDecay, 0);
  checkNumber('gradClip', o.gradClip, 0);
  if (o.minLrRatio !== undefined) checkNumber('minLrRatio', o.minLrRatio, 0);
  if ((o.checkpointEvery > 0 || o.resume === true) && o.checkpointDir === undefined) {
    throw new ModelArgumentError('checkpointDir', 'a directory when checkpointEvery or resume is set', undefined);
  }
  const backend = currentBackend() ?? (tf.getBackend() === 'tensorflow' ? 'node' : tf.getBackend());
  const io = o.checkpointDir === undefined ? undefined : await import('./node/checkpoint.js');
  const rng = new Rng(o.seed);
  const stream = new SequenceStream(data);
  let step = 0;
  let tokens = 0;
  let lastEvalLoss: number | undefined;
  let checkpointStep: number | undefined;
  const optionsRecord = {
    steps: o.steps,
    batchSize: o.batchSize,
    lr: o.lr,
    weightDecay: o.weightDecay,
    warmupSteps: o.warmupSteps,
    minLrRatio: o.minLrRatio ?? 0,
    gradClip: o.gradClip,
    accumulate: o.accumulate,
    seed: o.seed,
    workers: o.workers,
  };

  let parallel: ParallelTrainer | undefined;

  try {
    let resumed: { state: Map<string, NamedTensor>; step: number } | undefined;
    if (o.resume === true && io !== undefined) {
      const manifest = await io.readManifest(o.checkpointDir!).catch(() => undefined);
      if (manifest?.training !== undefined) {
        const loaded = await io.loadCheckpoint(o.checkpointDir!);
        try {
          const weights = loaded.model.exportWeights();
          model.importWeights(weights, o.checkpointDir!);
        } finally {
          loaded.model.dispose();
        }
        const t = manifest.training;
        if (loaded.optimizerState !== undefined) resumed = { state: loaded.optimizerState, step: t.step };
        step = t.step;
        tokens = t.tokens;
        rng.setState(t.rngState);
        lastEvalLoss = t.evalLoss;
        checkpointStep = t.step;
        await stream.skip(t.position);
      }
    }

    parallel = o.workers > 1 ? await (await import('./node/parallel.js')).createParallelTrainer(model, o.workers, backend) : undefined;
    // with workers, the weights live in their shared memory and reach the model only when needed
    const optimizer = new AdamW(model, {
      weightDecay: o.weightDecay,
      gradClip: o.gradClip,
      ...parallel?.optimizerStorage,
    });
    if (resumed !== undefined) optimizer.importState(resumed.state, resumed.step, o.checkpointDir!);

    const save = async (lastLoss: number): Promise<void> => {
      if (io === undefined) return;
      optimizer.syncModel();
      const training: TrainingState = {
        step,
        steps: o.steps,
        position: stream.position,
        tokens,
        rngState: rng.getState(),
        backend,
        options: optionsRecord,
        loss: lastLoss,
        ...(lastEvalLoss === undefined ? {} : { evalLoss: lastEvalLoss }),
      };
      const optimizerState: Map<string, NamedTensor> = optimizer.exportState();
      await io.saveCheckpoint(model, o.checkpointDir!, {
        training,
        optimizerState,
        ...(o.tokenizer === undefined ? {} : { tokenizer: o.tokenizer }),
        ...(o.metadata === undefined ? {} : { metadata: o.metadata }),
      });
      checkpointStep = step;
      o.onMetrics?.({ type: 'checkpoint', step, dir: o.checkpointDir! });
    };

    // on WebAssembly a batch whose activations would not fit runs as several passes (same step)
    const chunk = o.microBatchSize ?? (backend === 'wasm' ? microBatchSize(model.config, o.batchSize) : o.batchSize);
    const evaluate = async (): Promise<number | undefined> => {
      if (o.evalData === undefined) return undefined;
      optimizer.syncModel();
      const evalStream = new SequenceStream(o.evalData);
      let sum = 0;
      let count = 0;
      for (let b = 0; b < o.evalBatches; b++) {
        const seqs = await evalStream.take(o.batchSize);
        if (seqs.length === 0) break;
        for (let i = 0; i < seqs.length; i += chunk) {
          const batch = packBatch(model, seqs.slice(i, i + chunk));
          const s = tf.tidy(() => lossSum(model, batch, false));
          sum += s.dataSync()[0]!;
          s.dispose();
          count += batch.tokens;
        }
        if (seqs.length < o.batchSize) break;
      }
      const loss = count > 0 ? sum / count : NaN;
      o.onMetrics?.({ type: 'eval', step, loss, tokens: count });
      return loss;
    };

    // one set of gradient arrays for the whole run (workers keep theirs in shared memory)
    const gradSums = parallel === undefined ? optimizer.gradientBuffers() : new Map<string, Float32Array>();
    const losses: number[] = [];
    const start = performance.now();
    const startStep = step;
    let tokensThisRun = 0;
    let lastLoss = NaN;
    let stopped: TrainResult['stopped'];
    while (step < o.steps) {
      // a synchronous data source never leaves the microtask queue: yield so timers and signal
      // handlers (Ctrl-C) run between steps
      await yieldToEventLoop();
      if (o.signal?.aborted === true) {
        stopped = 'aborted';
        break;
      }
      let lossTotal = 0;
      let count = 0;
      let gotData = false;
      let exhausted = false;
      for (let micro = 0; micro < o.accumulate; micro++) {
        const seqs = await stream.take(o.batchSize);
        if (seqs.length === 0) {
          exhausted = true;
          break;
        }
        const r =
          parallel === undefined
            ? gradientsInChunks(model, seqs, chunk, gradSums, micro > 0)
            : { ...(await parallel.gradients(seqs, micro > 0)), tokens: packBatch(model, seqs).tokens };
        lossTotal += r.loss;
        count += r.tokens;
        gotData = true;
        if (seqs.length < o.batchSize) {
          exhausted = true;
          break;
        }
      }
      if (!gotData) {
        stopped = 'data-exhausted';
        break;
      }
      const loss = count > 0 ? lossTotal / count : 0;
      if (!Number.isFinite(loss)) {
        throw new NonFiniteLossError(step + 1, loss, checkpointStep);
      }
      const lr = learningRate(step, { lr: o.lr, warmupSteps: o.warmupSteps, steps: o.steps, minRatio: o.minLrRatio ?? 0 });
      const gradNorm = count === 0 ? 0 : parallel === undefined ? optimizer.step(gradSums, 1 / count, lr) : await parallel.step(optimizer, 1 / count, lr);
      step += 1;
      tokens += count;
      tokensThisRun += count;
      lastLoss = loss;
      losses.push(loss);
      const elapsedSeconds = (performance.now() - start) / 1000;
      const tokensPerSecond = elapsedSeconds > 0 ? tokensThisRun / elapsedSeconds : 0;
      const etaSeconds = step > startStep ? (elapsedSeconds / (step - startStep)) * (o.steps - step) : 0;
      const workerTimings = parallel?.lastStepTimings().map(toTenthsOfMs);
      o.onMetrics?.({ type: 'train', step, loss, lr, gradNorm, tokens, tokensPerSecond, elapsedSeconds, ...(workerTimings === undefined ? {} : { workers: workerTimings }) });
      if (o.evalEvery > 0 && step % o.evalEvery === 0) lastEvalLoss = await evaluate();
      o.onProgress?.({ step, steps: o.steps, loss, lr, tokensPerSecond, etaSeconds, tokens, elapsedSeconds, backend, ...(lastEvalLoss === undefined ? {} : { evalLoss: lastEvalLoss }) });
      if (o.checkpointEvery > 0 && step % o.checkpointEvery === 0 && step < o.steps) await save(loss);
      if (exhausted) {
        stopped = 'data-exhausted';
        break;
      }
    }
    optimizer.syncModel();
    if (stopped === undefined && o.evalData !== undefined && (o.evalEvery === 0 || step % o.evalEvery !== 0)) lastEvalLoss = await evaluate();
    if (io !== undefined && checkpointStep !== step) await save(lastLoss);
    return {
      steps: step,
      losses,
      finalLoss: lastLoss,
      ...(lastEvalLoss === undefined ? {} : { evalLoss: lastEvalLoss }),
      tokens,
      elapsedSeconds: (performance.now() - start) / 1000,
      backend,
      ...(stopped === undefined ? {} : { stopped }),
      ...(checkpointStep === undefined ? {} : { checkpointStep }),
    };
  } finally {
    await parallel?.close();
  }
}
