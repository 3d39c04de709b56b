// Training-step throughput of the paper's MLP vs the backend's dense matMul rate, in the same run.
// Run: pnpm --filter @cotlab/models bench   (env BENCH_BACKEND=wasm|cpu|node, BENCH_STEPS=N)
import { mkdirSync, writeFileSync } from 'node:fs';
import { AdamW } from '../src/adamw.js';
import { initBackend, type BackendName } from '../src/backend.js';
import { gradients, packBatch, type TokenSequenceLike } from '../src/batch.js';
import { createModel } from '../src/create-model.js';
import { train } from '../src/train.js';
import type { Model } from '../src/model.js';
import { Rng } from '../src/rng.js';
import { tf } from '../src/tf.js';

const BATCH = 128;
const STEPS = Number(process.env['BENCH_STEPS'] ?? 5);
const CONFIGS = [
  { name: 'T=64 d=32 V=512', kind: 'mlp', vocabSize: 512, contextLength: 64, dim: 32 },
  { name: 'T=307 d=16 V=117 (paper multiplication length)', kind: 'mlp', vocabSize: 117, contextLength: 307, dim: 16 },
] as const;

/** Forward FLOPs of one sequence, unmasked weights only: 2 × (masked map + per-position d×d + output d×V). */
function forwardFlops(T: number, d: number, V: number): number {
  return 2 * (((T * (T + 1)) / 2) * d * d + T * d * d + T * d * V);
}

function time(fn: () => void, repeats: number): number {
  fn();
  const t0 = performance.now();
  for (let i = 0; i < repeats; i++) fn();
  return (performance.now() - t0) / repeats / 1000;
}

function denseMatMulRate(Td: number): number {
  const rng = new Rng(1);
  const a = tf.tensor2d(Float32Array.from({ length: BATCH * Td }, () => rng.normal()), [BATCH, Td]);
  const b = tf.tensor2d(Float32Array.from({ length: Td * Td }, () => rng.normal()), [Td, Td]);
  const seconds = time(() => {
    const c = tf.matMul(a, b);
    c.dataSync();
    c.dispose();
  }, 5);
  tf.dispose([a, b]);
  return (2 * BATCH * Td * Td) / seconds / 1e9;
}

function data(T: number, V: number): TokenSequenceLike[] {
  const rng = new Rng(7);
  return Array.from({ length: BATCH }, () => ({ ids: Int32Array.from({ length: T + 1 }, () => Math.floor(rng.next() * V)) }));
}

function stepSeconds(model: Model, seqs: TokenSequenceLike[]): number {
  const opt = new AdamW(model, { weightDecay: 0.1, gradClip: 1 });
  const batch = packBatch(model, seqs);
  const seconds = time(() => {
    const { grads } = gradients(model, batch);
    opt.step(grads, 1 / batch.tokens, 1e-3);
    
  }, STEPS);
  return seconds;
}

/** The naive version: dense masked weight (W ⊙ M) and TensorFlow.js' own gradients (transposed matMuls). */
function naiveStepSeconds(T: number, d: number, V: number, seqs: TokenSequenceLike[]): number {
  const rng = new Rng(3);
  const Td = T * d;
  const init = (shape: number[], scale: number): tf.Variable => tf.variable(tf.tensor(Float32Array.from({ length: shape.reduce((x, y) => x * y, 1) }, () => scale * rng.normal()), shape));
  const E = init([V, d], 1);
  const W = init([Td, Td], 1 / Math.sqrt(Td));
  const W2 = init([d, d], 1 / Math.sqrt(d));
  const Wo = init([d, V], 1 / Math.sqrt(d));
  const maskData = new Float32Array(Td * Td);
  for (let r = 0; r < Td; r++) for (let c = 0; c < Td; c++) maskData[r * Td + c] = Math.floor(r / d) <= Math.floor(c / d) ? 1 : 0;
  const mask = tf.tensor2d(maskData, [Td, Td]);
  const inputs = tf.tensor1d(seqs.flatMap((s) => Array.from(s.ids).slice(0, T)), 'int32');
  const targets = tf.tensor1d(seqs.flatMap((s) => Array.from(s.ids).slice(1, T + 1)), 'int32');
  const opt = tf.train.adam(1e-3);
  const seconds = time(() => {
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
  }, Math.max(2, Math.floor(STEPS / 2)));
  tf.dispose([E, W, W2, Wo, mask, inputs, targets]);
  opt.dispose();
  return seconds;
}

/** Seconds per optimizer step of `train()` with `workers` threads (the first step, with start-up, excluded). */
async function trainStepSeconds(c: (typeof CONFIGS)[number], seqs: TokenSequenceLike[], workers: number): Promise<number> {
  const model = createModel({ kind: c.kind, vocabSize: c.vocabSize, contextLength: c.contextLength, dim: c.dim }, { seed: 1 });
  let firstStepAt = 0;
  const steps = STEPS + 1;
  await train(model, seqs, {
    steps,
    batchSize: BATCH,
    lr: 1e-3,
    workers,
    onProgress: (p) => {
      if (p.step === 1) firstStepAt = performance.now();
    },
  });
  const seconds = (performance.now() - firstStepAt) / 1000 / STEPS;
  model.dispose();
  return seconds;
}

const backend = await initBackend(process.env['BENCH_BACKEND'] as BackendName | undefined);
const rows: Record<string, unknown>[] = [];
for (const c of CONFIGS) {
  const { contextLength: T, dim: d, vocabSize: V } = c;
  const matmul = denseMatMulRate(T * d);
  const seqs = data(T, V);
  const model = createModel({ kind: c.kind, vocabSize: V, contextLength: T, dim: d }, { seed: 1 });
  const seconds = stepSeconds(model, seqs);
  model.dispose();
  const flops = 3 * BATCH * forwardFlops(T, d, V);
  const gflops = flops / seconds / 1e9;
  const oneWorker = await trainStepSeconds(c, seqs, 1);
  const twoWorkers = await trainStepSeconds(c, seqs, 2);
  const naiveSeconds = process.env['BENCH_SKIP_NAIVE'] === '1' ? NaN : naiveStepSeconds(T, d, V, seqs);
  const naiveGflops = flops / naiveSeconds / 1e9;
  rows.push({
    config: c.name,
    backend,
    batch: BATCH,
    stepMs: +(seconds * 1000).toFixed(1),
    tokensPerSecond: Math.round((BATCH * T) / seconds),
    effectiveGflops: +gflops.toFixed(2),
    denseMatMulGflops: +matmul.toFixed(2),
    ratioToMatMul: +(gflops / matmul).toFixed(3),
    naiveStepMs: +(naiveSeconds * 1000).toFixed(1),
    naiveRatioToMatMul: +(naiveGflops / matmul).toFixed(3),
    speedupOverNaive: +(naiveSeconds / seconds).toFixed(2),
    trainStepMs1Worker: +(oneWorker * 1000).toFixed(1),
    trainStepMs2Workers: +(twoWorkers * 1000).toFixed(1),
    speedup2Workers: +(oneWorker / twoWorkers).toFixed(2),
  });
}
console.table(rows);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/train-step.json', import.meta.url), `${JSON.stringify({ date: new Date().toISOString(), steps: STEPS, rows }, null, 2)}\n`);
