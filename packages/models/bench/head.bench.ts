// The output layer's loss and its three gradients: the fused WebAssembly SIMD pass against the
// tensor-op path it replaced, interleaved in one process on the same inputs.
// Run: pnpm --filter @cotlab/models bench:head   (env BENCH_REPEATS=N; results in bench/results/head.json)
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { initBackend } from '../src/backend.js';
import { affineCrossEntropySum, chunkedAffineCrossEntropySum } from '../src/head.js';
import { Rng } from '../src/rng.js';
import { tf } from '../src/tf.js';
import { fusedHeadApplies } from '../src/wasm-head.js';
import { median } from './stats.js';

const REPEATS = Number(process.env['BENCH_REPEATS'] ?? 10);
// the two training-step configurations of bench/train-step.bench.ts: rows = batch 128 × T
const CONFIGS = [
  { name: 'T=64 d=32 V=512', rows: 128 * 64, k: 32, V: 512 },
  { name: 'T=307 d=16 V=117', rows: 128 * 307, k: 16, V: 117 },
] as const;

type Loss = typeof affineCrossEntropySum;

await initBackend('wasm');
const rows: Record<string, unknown>[] = [];
for (const c of CONFIGS) {
  if (!fusedHeadApplies(c.k, c.V)) throw new Error(`bench: the fused pass does not apply to ${c.name} here (no WebAssembly SIMD?)`);
  const rng = new Rng(3);
  const h = tf.tensor2d(Float32Array.from({ length: c.rows * c.k }, () => Math.max(0, rng.normal())), [c.rows, c.k]);
  const w = tf.tensor2d(Float32Array.from({ length: c.k * c.V }, () => rng.normal() / Math.sqrt(c.k)), [c.k, c.V]);
  const b = tf.tensor1d(Float32Array.from({ length: c.V }, () => rng.normal() * 0.1));
  const targets = tf.tensor1d(Int32Array.from({ length: c.rows }, () => Math.floor(rng.next() * c.V)), 'int32');
  const weights = tf.ones<tf.Rank.R1>([c.rows]);
  /** Loss and the three gradients, read back (so the time includes all the work); ms and loss. */
  const run = (loss: Loss): { ms: number; value: number } => {
    const t0 = performance.now();
    const { value, grads } = tf.valueAndGrads((hh: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => loss(hh as tf.Tensor2D, ww as tf.Tensor2D, bb as tf.Tensor1D, targets, weights))([h, w, b]);
    for (const g of grads) g.dataSync();
    const ms = performance.now() - t0;
    const v = value.dataSync()[0]!;
    tf.dispose([value, ...grads]);
    return { ms, value: v };
  };
  run(affineCrossEntropySum);
  run(chunkedAffineCrossEntropySum);
  const fused: number[] = [];
  const chunked: number[] = [];
  let values = [0, 0];
  for (let r = 0; r < REPEATS; r++) {
    const f = run(affineCrossEntropySum);
    const t = run(chunkedAffineCrossEntropySum);
    fused.push(f.ms);
    chunked.push(t.ms);
    values = [f.value, t.value];
  }
  tf.dispose([h, w, b, targets, weights]);
  const min = (x: number[]): number => Math.min(...x);
  const row = {
    config: c.name,
    rows: c.rows,
    fusedMs: +min(fused).toFixed(1),
    fusedMedianMs: +median(fused).toFixed(1),
    tensorOpsMs: +min(chunked).toFixed(1),
    tensorOpsMedianMs: +median(chunked).toFixed(1),
    ratio: +(min(fused) / min(chunked)).toFixed(2),
    ratioOfMedians: +(median(fused) / median(chunked)).toFixed(2),
    lossRelativeDifference: Math.abs(values[0]! - values[1]!) / Math.abs(values[1]!),
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}
console.table(rows);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const file = new URL('./results/head.json', import.meta.url);
writeFileSync(`${file.pathname}.tmp`, `${JSON.stringify({ date: new Date().toISOString(), repeats: REPEATS, rows }, null, 2)}\n`);
renameSync(`${file.pathname}.tmp`, file.pathname);
