// Training-step throughput of the paper's MLP vs the backend's dense matMul rate, in the same run.
// Run: pnpm --filter @cotlab/models bench   (env BENCH_BACKEND=wasm|cpu|node, BENCH_REPEATS=N, BENCH_ROUNDS=N, BENCH_SKIP_NAIVE=1)
// Then `pnpm --filter @cotlab/models bench:readme` writes the tables into the README.
//
// On a shared machine every figure is noisy: each quantity is measured several times, interleaved
// with the others so they see the same load, and the fastest repetition is kept (the closest to an
// unloaded machine). Ratios are ratios of those minima.
import { execSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AdamW } from '../src/adamw.js';
import { initBackend, type BackendName } from '../src/backend.js';
import { gradients, packBatch, type TokenSequenceLike } from '../src/batch.js';
import { createModel } from '../src/create-model.js';
import type { Model } from '../src/model.js';
import { createParallelTrainer } from '../src/node/parallel.js';
import { startWorker } from '../src/node/start-worker.js';
import { Rng } from '../src/rng.js';
import { tf } from '../src/tf.js';
import { train } from '../src/train.js';
import { lastLineOfChild, startTogether, waitForStart } from './child-process.js';
import { oneWorkerStep } from './one-worker-step.js';
import { quartiles } from './stats.js';
import type { StepWorkerInit } from './step-worker.js';

const BATCH = 128;
/** A whole number ≥ 1 from the environment, or the default; anything else stops the run before any work. */
function countFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = Number(raw ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench: ${name} must be a whole number ≥ 1, got ${JSON.stringify(raw)}`);
  return n;
}
const REPEATS = countFromEnv('BENCH_REPEATS', 8);
const ROUNDS = countFromEnv('BENCH_ROUNDS', 16);
const CONFIGS = [
  { name: 'T=64 d=32 V=512', kind: 'mlp', vocabSize: 512, contextLength: 64, dim: 32 },
  { name: 'T=307 d=16 V=117 (paper multiplication length)', kind: 'mlp', vocabSize: 117, contextLength: 307, dim: 16 },
] as const;
type BenchConfig = (typeof CONFIGS)[number];

/** Forward FLOPs of one sequence, unmasked weights only: 2 × (masked map + per-position d×d + output d×V). */
function forwardFlops(T: number, d: number, V: number): number {
  return 2 * (((T * (T + 1)) / 2) * d * d + T * d * d + T * d * V);
}

/** CPU seconds (user + system, all threads of the process) used by the calls timed so far, by label. */
const cpu = new Map<string, { seconds: number; calls: number }>();

function seconds(fn: () => void, label?: string): number {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = (performance.now() - t0) / 1000;
  if (label !== undefined) {
    const c = process.cpuUsage(c0);
    const entry = cpu.get(label) ?? { seconds: 0, calls: 0 };
    entry.seconds += (c.user + c.system) / 1e6;
    entry.calls += 1;
    cpu.set(label, entry);
  }
  return wall;
}

function cpuPerCall(label: string): number {
  const e = cpu.get(label);
  return e === undefined ? NaN : e.seconds / e.calls;
}

function randomData(T: number, V: number): TokenSequenceLike[] {
  const rng = new Rng(7);
  return Array.from({ length: BATCH }, () => ({ ids: Int32Array.from({ length: T + 1 }, () => Math.floor(rng.next() * V)) }));
}

/** The dense matMul [128, T·d] × [T·d, T·d]: one timed call. */
function denseMatMul(Td: number): { run: () => number; dispose: () => void } {
  const rng = new Rng(1);
  const a = tf.tensor2d(Float32Array.from({ length: BATCH * Td }, () => rng.normal()), [BATCH, Td]);
  const b = tf.tensor2d(Float32Array.from({ length: Td * Td }, () => rng.normal()), [Td, Td]);
  return {
    run: () =>
      seconds(() => {
        const c = tf.matMul(a, b);
        c.dataSync();
        c.dispose();
      }, `matmul ${Td}`),
    dispose: () => tf.dispose([a, b]),
  };
}

/** One full training step of our model (gradients + AdamW): one timed call. */
function ourStep(model: Model, seqs: TokenSequenceLike[]): () => number {
  const opt = new AdamW(model, { weightDecay: 0.1, gradClip: 1 });
  const batch = packBatch(model, seqs);
  // the optimizer's own arrays: its update then runs in WebAssembly SIMD, as in train()
  const into = opt.gradientBuffers();
  return () =>
    seconds(() => {
      const { grads } = gradients(model, batch, into);
      opt.step(grads, 1 / batch.tokens, 1e-3);
    }, `ours ${model.config.contextLength}`);
}

/** The naive version: dense masked weight (W ⊙ M), TensorFlow.js' own gradients (transposed matMuls), tf.train.adam. */
function naiveStep(c: BenchConfig, seqs: TokenSequenceLike[]): { run: () => number; dispose: () => void } {
  const { contextLength: T, dim: d, vocabSize: V } = c;
  const rng = new Rng(3);
  const Td = T * d;
  const init = (shape: number[], scale: number): tf.Variable => tf.variable(tf.tensor(Float32Array.from({ length: shape.reduce((x, y) => x * y, 1) }, () => scale * rng.normal()), shape));
  const E = init([V, d], 1);
  const W = init([Td, Td], 1 / Math.sqrt(Td));
  const W2 = init([d, d], 1 / Math.sqrt(d));
  const Wo = init([d, V], 1 / Math.sqrt(d));
  const maskData = new Float32Array(Td * Td);
  for (let r = 0; r < Td; r++) for (let col = 0; col < Td; col++) maskData[r * Td + col] = Math.floor(r / d) <= Math.floor(col / d) ? 1 : 0;
  const mask = tf.tensor2d(maskData, [Td, Td]);
  const inputs = tf.tensor1d(seqs.flatMap((s) => Array.from(s.ids).slice(0, T)), 'int32');
  const targets = tf.tensor1d(seqs.flatMap((s) => Array.from(s.ids).slice(1, T + 1)), 'int32');
  const opt = tf.train.adam(1e-3);
  return {
    run: () =>
      seconds(() => {
        const cost = opt.minimize(() => {
          // gather's gradient needs UnsortedSegmentSum, missing on wasm: the naive embedding is a one-hot product
          const e = tf.matMul(tf.oneHot(inputs, V).toFloat(), E).reshape([BATCH, Td]);
          const h = tf.matMul(e, tf.mul(W, mask)).reshape([BATCH * T, d]);
          const h2 = tf.relu(tf.matMul(tf.relu(h), W2));
          const logits = tf.matMul(h2, Wo);
          const loss: tf.Scalar = tf.losses.softmaxCrossEntropy(tf.oneHot(targets, V), logits);
          return loss;
        }, true);
        cost?.dataSync();
        cost?.dispose();
      }),
    dispose: () => {
      tf.dispose([E, W, W2, Wo, mask, inputs, targets]);
      opt.dispose();
    },
  };
}

/** Fastest optimizer step of `train()` with `workers` threads (the first step, with start-up, excluded). */
async function trainStep(c: BenchConfig, seqs: TokenSequenceLike[], workers: number): Promise<{ wall: number; cpu: number }> {
  const model = createModel({ kind: c.kind, vocabSize: c.vocabSize, contextLength: c.contextLength, dim: c.dim }, { seed: 1 });
  let last = 0;
  let best = Infinity;
  let cpuAtStep1 = process.cpuUsage();
  await train(model, seqs, {
    steps: REPEATS + 1,
    batchSize: BATCH,
    lr: 1e-3,
    workers,
    onProgress: (p) => {
      const now = performance.now();
      if (p.step > 1) best = Math.min(best, (now - last) / 1000);
      if (p.step === 1) cpuAtStep1 = process.cpuUsage();
      last = now;
    },
  });
  const used = process.cpuUsage(cpuAtStep1);
  model.dispose();
  return { wall: best, cpu: (used.user + used.system) / 1e6 / REPEATS };
}

/** A benchmark worker thread running the one-worker step on its own model (bench/step-worker.ts). */
async function stepWorker(init: StepWorkerInit): Promise<{ step: () => Promise<void>; close: () => Promise<number> }> {
  const w = startWorker(new URL('./step-worker.ts', import.meta.url), init);
  // one listener each for the whole run: the next reply (or error) settles the one request in flight
  let pending: { resolve: () => void; reject: (e: unknown) => void } | undefined;
  w.on('message', () => pending?.resolve());
  w.on('error', (e) => pending?.reject(e));
  const next = (): Promise<void> =>
    new Promise((resolve, reject) => {
      pending = { resolve, reject };
    });
  await next(); // 'ready'
  return {
    step: async () => {
      const done = next();
      w.postMessage('step');
      await done;
    },
    close: () => w.terminate(),
  };
}

/** `{ name: median, nameQ1: q1, nameQ3: q3 }`, to `digits` decimals: a result field with its quartiles. */
function withQuartiles<N extends string>(name: N, q: ReturnType<typeof quartiles>, digits = 2): Record<N | `${N}Q1` | `${N}Q3`, number> {
  const round = (x: number): number => +x.toFixed(digits);
  return { [name]: round(q.median), [`${name}Q1`]: round(q.q1), [`${name}Q3`]: round(q.q3) } as Record<N | `${N}Q1` | `${N}Q3`, number>;
}

/**
 * A round whose two workers' gradient passes differ by at most this fraction is "even": the host
 * ran both cores at about the same speed through its 2-worker step.
 */
const EVEN_ROUND = 0.1;

/**
 * The 2-worker speed-up from adjacent rounds of steps, and what the machine gives in the same
 * seconds. A round times one step of train()'s one-worker path (gradients in this thread, then
 * AdamW), one of its two-worker path (a parallel trainer), and the machine's ceiling: the
 * one-worker step in a worker thread alone, then in two independent worker threads at once
 * (2 × alone / together: what two cores give two independent trainings, shared caches and the
 * host's load included). ROUNDS rounds after 3 warm-up rounds, the order reversed every other
 * round; medians and quartiles of each round's ratios, and of the CPU time of a 2-worker step
 * over a 1-worker step. A shared host's slow spells last seconds, so the steps of a round see
 * about the same machine, unlike the minima of two trainings run one after the other.
 */
async function pairedSpeedup(
  c: BenchConfig,
  seqs: TokenSequenceLike[],
): Promise<Record<'speedup' | 'cpuRatio' | 'ceiling' | 'efficiency' | 'imbalance', ReturnType<typeof quartiles>> & { oneMs: number; twoMs: number; evenSpeedup?: number; evenRounds: number }> {
  const config = { kind: c.kind, vocabSize: c.vocabSize, contextLength: c.contextLength, dim: c.dim } as const;
  const one = createModel(config, { seed: 1 });
  const oneStep = oneWorkerStep(one, seqs);
  const two = createModel(config, { seed: 1 });
  const trainer = await createParallelTrainer(two, 2, 'wasm');
  const twoOpt = new AdamW(two, { weightDecay: 0.1, gradClip: 1, ...trainer.optimizerStorage });
  const independent = await Promise.all([stepWorker({ config, sequences: seqs }), stepWorker({ config, sequences: seqs })]);
  const timed = async (fn: () => unknown): Promise<{ ms: number; cpuMs: number }> => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    const used = process.cpuUsage(c0);
    return { ms: performance.now() - t0, cpuMs: (used.user + used.system) / 1000 };
  };
  const stepOne = () => timed(oneStep);
  const stepTwo = async (): Promise<{ ms: number; cpuMs: number; imbalance: number }> => {
    const t = await timed(async () => {
      await trainer.gradients(seqs);
      await trainer.step(twoOpt, 1 / packBatch(two, seqs).tokens, 1e-3);
    });
    // the two shares are equal work: one pass much longer than the other is the host slowing one core
    const passes = trainer.lastStepTimings().map((w) => w.gradientsMs);
    return { ...t, imbalance: Math.max(...passes) / Math.min(...passes) - 1 };
  };
  const alone = () => timed(() => independent[0].step());
  const together = () => timed(() => Promise.all(independent.map((w) => w.step())));
  type Round = Record<'one' | 'alone' | 'together', { ms: number; cpuMs: number }> & { two: { ms: number; cpuMs: number; imbalance: number } };
  const round = async (reversed: boolean): Promise<Round> => {
    const order = ['one', 'two', 'alone', 'together'] as const;
    const run = { one: stepOne, two: stepTwo, alone, together };
    const out: Partial<Record<keyof Round, Round[keyof Round]>> = {};
    for (const k of reversed ? [...order].reverse() : order) out[k] = await run[k]();
    return out as Round;
  };
  const rounds: Round[] = [];
  try {
    // fresh workers run cold code at first (WebAssembly tier-up, compiled in the background)
    for (let w = 0; w < 3; w++) await round(w % 2 === 1);
    for (let p = 0; p < ROUNDS; p++) rounds.push(await round(p % 2 === 1));
  } finally {
    await trainer.close();
    await Promise.all(independent.map((w) => w.close()));
    one.dispose();
    two.dispose();
  }
  const speedup = (r: Round): number => r.one.ms / r.two.ms;
  const ceiling = (r: Round): number => (2 * r.alone.ms) / r.together.ms;
  const even = rounds.filter((r) => r.two.imbalance <= EVEN_ROUND);
  return {
    imbalance: quartiles(rounds.map((r) => r.two.imbalance)),
    ...(even.length === 0 ? {} : { evenSpeedup: quartiles(even.map(speedup)).median }),
    evenRounds: even.length,
    speedup: quartiles(rounds.map(speedup)),
    cpuRatio: quartiles(rounds.map((r) => r.two.cpuMs / r.one.cpuMs)),
    ceiling: quartiles(rounds.map(ceiling)),
    efficiency: quartiles(rounds.map((r) => speedup(r) / ceiling(r))),
    oneMs: quartiles(rounds.map((r) => r.one.ms)).median,
    twoMs: quartiles(rounds.map((r) => r.two.ms)).median,
  };
}

/**
 * What two cores give two independent single-thread trainings here: the 1-worker step run in one
 * child process alone, then in two at once. 2 × alone / together is the machine's own ceiling for
 * a 2-worker speed-up (shared caches, memory bandwidth, a virtual machine's scheduling).
 */
async function twoProcessCeiling(configIndex: number): Promise<{ aloneMs: number; togetherMs: number; ceiling: number }> {
  const child = async (start: Record<string, string> = {}): Promise<number> =>
    (JSON.parse(await lastLineOfChild(import.meta.url, { BENCH_CHILD: String(configIndex), ...start })) as { stepMs: number }).stepMs;
  const aloneMs = await child();
  const start = startTogether();
  const together = await Promise.all([child(start), child(start)]);
  const togetherMs = (together[0] + together[1]) / 2;
  return { aloneMs, togetherMs, ceiling: (2 * aloneMs) / togetherMs };
}

const backend = await initBackend(process.env['BENCH_BACKEND'] as BackendName | undefined);
if (process.env['BENCH_CHILD'] !== undefined) {
  const c = CONFIGS[Number(process.env['BENCH_CHILD'])]!;
  const data = randomData(c.contextLength, c.vocabSize);
  await waitForStart();
  const { wall } = await trainStep(c, data, 1);
  console.log(JSON.stringify({ stepMs: wall * 1000 }));
  process.exit(0);
}
const skipNaive = process.env['BENCH_SKIP_NAIVE'] === '1';
const rows: Record<string, unknown>[] = [];
for (const c of CONFIGS) {
  const { contextLength: T, dim: d, vocabSize: V } = c;
  const seqs = randomData(T, V);
  const matmul = denseMatMul(T * d);
  const model = createModel({ kind: c.kind, vocabSize: V, contextLength: T, dim: d }, { seed: 1 });
  const ours = ourStep(model, seqs);
  const naive = skipNaive ? undefined : naiveStep(c, seqs);
  matmul.run();
  ours();
  naive?.run();
  let bestMatMul = Infinity;
  let bestOurs = Infinity;
  let bestNaive = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    bestMatMul = Math.min(bestMatMul, matmul.run());
    bestOurs = Math.min(bestOurs, ours());
    if (naive !== undefined && r < 2) bestNaive = Math.min(bestNaive, naive.run());
    bestMatMul = Math.min(bestMatMul, matmul.run());
  }
  matmul.dispose();
  naive?.dispose();
  model.dispose();
  // 1 and 2 workers, alternated so both see the same load
  let oneWorker = Infinity;
  let twoWorkers = Infinity;
  let oneWorkerCpu = Infinity;
  let twoWorkersCpu = Infinity;
  for (let r = 0; r < 2; r++) {
    const one = await trainStep(c, seqs, 1);
    const two = await trainStep(c, seqs, 2);
    oneWorker = Math.min(oneWorker, one.wall);
    twoWorkers = Math.min(twoWorkers, two.wall);
    oneWorkerCpu = Math.min(oneWorkerCpu, one.cpu);
    twoWorkersCpu = Math.min(twoWorkersCpu, two.cpu);
  }
  const paired = backend === 'wasm' ? await pairedSpeedup(c, seqs) : undefined;
  const ceiling = await twoProcessCeiling(CONFIGS.indexOf(c));
  const cpuOurs = cpuPerCall(`ours ${T}`);
  const cpuMatMul = cpuPerCall(`matmul ${T * d}`);
  const flops = 3 * BATCH * forwardFlops(T, d, V);
  const matmulGflops = (2 * BATCH * (T * d) ** 2) / bestMatMul / 1e9;
  const gflops = flops / bestOurs / 1e9;
  rows.push({
    config: c.name,
    backend,
    batch: BATCH,
    stepMs: +(bestOurs * 1000).toFixed(1),
    tokensPerSecond: Math.round((BATCH * T) / bestOurs),
    effectiveGflops: +gflops.toFixed(2),
    denseMatMulGflops: +matmulGflops.toFixed(2),
    ratioToMatMul: +(gflops / matmulGflops).toFixed(3),
    naiveStepMs: +(bestNaive * 1000).toFixed(1),
    naiveRatioToMatMul: +(flops / bestNaive / 1e9 / matmulGflops).toFixed(3),
    speedupOverNaive: +(bestNaive / bestOurs).toFixed(2),
    trainStepMs1Worker: +(oneWorker * 1000).toFixed(1),
    // the step users get: train() with one worker (its batch runs as memory-sized passes)
    trainTokensPerSecond: Math.round((BATCH * T) / oneWorker),
    trainEffectiveGflops: +(flops / oneWorker / 1e9).toFixed(2),
    trainRatioToMatMul: +(flops / oneWorker / 1e9 / matmulGflops).toFixed(3),
    trainStepMs2Workers: +(twoWorkers * 1000).toFixed(1),
    tokensPerSecond2Workers: Math.round((BATCH * T) / twoWorkers),
    speedup2Workers: +(oneWorker / twoWorkers).toFixed(2),
    // the same from adjacent pairs of steps (median and quartiles): the robust figure on a shared host
    ...(paired === undefined
      ? {}
      : {
          pairedStepMs1Worker: +paired.oneMs.toFixed(1),
          pairedStepMs2Workers: +paired.twoMs.toFixed(1),
          ...withQuartiles('pairedSpeedup2Workers', paired.speedup),
          pairedCpuRatio2Workers: +paired.cpuRatio.median.toFixed(2),
          // the machine's own two-thread ceiling in the same rounds, and the speed-up's share of it
          ...withQuartiles('pairedCeiling2Threads', paired.ceiling),
          ...withQuartiles('pairedEfficiency2Workers', paired.efficiency),
          // how much longer the slower worker's pass took (the shares are equal work), and the
          // speed-up over the rounds where the host ran both cores at about the same speed
          pairedImbalance2Workers: +paired.imbalance.median.toFixed(3),
          pairedImbalance2WorkersQ3: +paired.imbalance.q3.toFixed(3),
          pairedEvenRounds: paired.evenRounds,
          ...(paired.evenSpeedup === undefined ? {} : { pairedSpeedup2WorkersEvenRounds: +paired.evenSpeedup.toFixed(2) }),
        }),
    // CPU time is what the work costs whatever the load: the robust figures on a shared machine
    cpuStepMs: +(cpuOurs * 1000).toFixed(1),
    cpuEffectiveGflops: +(flops / cpuOurs / 1e9).toFixed(2),
    cpuDenseMatMulGflops: +((2 * BATCH * (T * d) ** 2) / cpuMatMul / 1e9).toFixed(2),
    cpuRatioToMatMul: +((flops / cpuOurs) / ((2 * BATCH * (T * d) ** 2) / cpuMatMul)).toFixed(3),
    cpuStepMs1Worker: +(oneWorkerCpu * 1000).toFixed(1),
    cpuStepMs2Workers: +(twoWorkersCpu * 1000).toFixed(1),
    // on an idle 2-core machine the 2-worker step takes about (its CPU time) / 2 if the work splits evenly
    idealSpeedup2Workers: +((2 * oneWorkerCpu) / twoWorkersCpu).toFixed(2),
    twoProcessAloneMs: +ceiling.aloneMs.toFixed(1),
    twoProcessTogetherMs: +ceiling.togetherMs.toFixed(1),
    twoProcessCeiling: +ceiling.ceiling.toFixed(2),
  });
  console.log(JSON.stringify(rows[rows.length - 1]));
}
console.table(rows);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const run = { date: new Date().toISOString(), commit: gitCommit(), repeats: REPEATS, rows };
writeFileSync(new URL('./results/train-step.json', import.meta.url), `${JSON.stringify(run, null, 2)}\n`);
// every run, so a table can show how much the figures move between runs of the same code
appendFileSync(new URL('./results/train-step-history.jsonl', import.meta.url), `${JSON.stringify(run)}\n`);

/** The commit measured (with "+dirty" when the working tree differs from it). */
function gitCommit(): string {
  try {
    const head = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain -- src', { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)) }).trim() !== '';
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}
