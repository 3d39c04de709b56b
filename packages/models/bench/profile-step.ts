// Per-kernel time of one training step (gradients only), for finding where a step goes.
// Run: pnpm --filter @cotlab/models profile:step [T d V]   (default 64 32 512: the T=64 bench configuration)
import { initBackend } from '../src/backend.js';
import { gradientBuffers, gradients, packBatch } from '../src/batch.js';
import { createModel } from '../src/create-model.js';
import { Rng } from '../src/rng.js';
import { tf } from '../src/tf.js';

const [T, d, V] = (process.argv.slice(2).length === 3 ? process.argv.slice(2) : ['64', '32', '512']).map(Number) as [number, number, number];
await initBackend('wasm');
const model = createModel({ kind: 'mlp', vocabSize: V, contextLength: T, dim: d }, { seed: 1 });
const rng = new Rng(7);
const seqs = Array.from({ length: 128 }, () => ({ ids: Int32Array.from({ length: T + 1 }, () => Math.floor(rng.next() * V)) }));
const batch = packBatch(model, seqs);
const into = gradientBuffers(model);
for (let i = 0; i < 3; i++) gradients(model, batch, into);
const byKernel = new Map<string, { ms: number; calls: number; shapes: Set<string> }>();
let total = 0;
const REPS = 5;
for (let r = 0; r < REPS; r++) {
  const t0 = performance.now();
  const info = await tf.profile(() => {
    gradients(model, batch, into);
  });
  total += performance.now() - t0;
  for (const k of info.kernels) {
    const key = k.name === 'BatchMatMul' || k.name === 'Slice' ? `${k.name} ${k.inputShapes.map((s) => JSON.stringify(s)).join('×')}` : k.name;
    const e = byKernel.get(key) ?? { ms: 0, calls: 0, shapes: new Set<string>() };
    e.ms += Number(k.kernelTimeMs);
    e.calls += 1;
    e.shapes.add(k.inputShapes.map((s) => JSON.stringify(s)).join('×'));
    byKernel.set(key, e);
  }
}
const rows = [...byKernel.entries()].sort((a, b) => b[1].ms - a[1].ms);
let sum = 0;
for (const [name, e] of rows) {
  sum += e.ms / REPS;
  console.log(`${name.padEnd(20)} ${(e.ms / REPS).toFixed(1).padStart(8)} ms  ${(e.calls / REPS).toFixed(0).padStart(4)} calls  ${[...e.shapes].slice(0, 4).join(' | ')}`);
}
console.log(`kernels ${sum.toFixed(1)} ms; wall ${(total / REPS).toFixed(1)} ms per step`);
