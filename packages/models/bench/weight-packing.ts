// What repacking the masked map's slabs costs a training step: TensorFlow.js on WebAssembly hands a
// matMul's right operand to XNNPACK as [K, N] weights, which XNNPACK packs (transposing) whenever
// the tensor is new — and a slab is a new tensor after every AdamW update. For each block of the
// MLP's forward product X[:, :end] × slab, this times the product with a fresh copy of the slab
// against the same product again on the slab it has just packed, interleaved.
// Run: pnpm --filter @cotlab/models bench:pack   (results in bench/results/weight-packing.json)
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initBackend } from '../src/backend.js';
import { blockBounds } from '../src/config.js';
import { Rng } from '../src/rng.js';
import { tf } from '../src/tf.js';

const BATCH = 128;
const REPS = 6;
const CONFIGS = [
  { name: 'T=64 d=32', T: 64, d: 32, blocks: 8 },
  { name: 'T=307 d=16', T: 307, d: 16, blocks: 8 },
];

await initBackend('wasm');
const rng = new Rng(1);
const random = (n: number): Float32Array => Float32Array.from({ length: n }, () => rng.normal());

/** Fastest of REPS: the product on a fresh copy of the weights, and again on the same copy. */
function timeBlock(K: number, N: number): { freshMs: number; packedMs: number } {
  const x = tf.tensor2d(random(BATCH * K), [BATCH, K]);
  const values = random(K * N);
  let freshMs = Infinity;
  let packedMs = Infinity;
  const timed = (w: tf.Tensor2D): number => {
    const t0 = performance.now();
    const y = tf.matMul(x, w);
    y.dataSync();
    y.dispose();
    return performance.now() - t0;
  };
  for (let r = 0; r < REPS; r++) {
    const w = tf.tensor2d(values, [K, N]);
    freshMs = Math.min(freshMs, timed(w));
    packedMs = Math.min(packedMs, timed(w));
    w.dispose();
  }
  x.dispose();
  return { freshMs, packedMs };
}

const rows = CONFIGS.map(({ name, T, d, blocks }) => {
  let fresh = 0;
  let packed = 0;
  let floats = 0;
  for (const [start, end] of blockBounds(T, blocks)) {
    const t = timeBlock(end * d, (end - start) * d);
    fresh += t.freshMs;
    packed += t.packedMs;
    floats += end * d * (end - start) * d;
  }
  const row = {
    config: name,
    slabFloats: floats,
    forwardFreshMs: +fresh.toFixed(1),
    forwardPackedMs: +packed.toFixed(1),
    packingMsPerStep: +(fresh - packed).toFixed(1),
    packingMillionFloatsPerSecond: +(floats / ((fresh - packed) / 1000) / 1e6).toFixed(0),
  };
  console.log(JSON.stringify(row));
  return row;
});
console.table(rows);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const file = fileURLToPath(new URL('./results/weight-packing.json', import.meta.url));
writeFileSync(`${file}.tmp`, `${JSON.stringify({ date: new Date().toISOString(), batch: BATCH, repetitions: REPS, rows }, null, 2)}\n`);
renameSync(`${file}.tmp`, file);
