import { AdamW } from '../src/adamw.js';
import { initBackend } from '../src/backend.js';
import { gradients, packBatch } from '../src/batch.js';
import { createModel } from '../src/create-model.js';
import { Rng } from '../src/rng.js';
import { tf } from '../src/tf.js';
await initBackend('wasm');
const [T, d, V] = (process.env['CFG'] ?? '64,32,512').split(',').map(Number) as [number, number, number];
const blocks = Number(process.env['BLOCKS'] ?? 8);
const rng = new Rng(7);
const seqs = Array.from({ length: 128 }, () => ({ ids: Int32Array.from({ length: T + 1 }, () => Math.floor(rng.next() * V)) }));
const model = createModel({ kind: 'mlp', vocabSize: V, contextLength: T, dim: d, blocks }, { seed: 1 });
const opt = new AdamW(model, { weightDecay: 0.1, gradClip: 1 });
const batch = packBatch(model, seqs);
const step = () => { const { grads } = gradients(model, batch); opt.step(grads, 1 / batch.tokens, 1e-3);  };
step();
let t0 = performance.now(); step(); step(); console.log('step ms', ((performance.now() - t0) / 2).toFixed(1));
t0 = performance.now(); const { grads } = gradients(model, batch); console.log('grads ms', (performance.now() - t0).toFixed(1));
t0 = performance.now(); opt.step(grads, 1 / batch.tokens, 1e-3); console.log('opt ms', (performance.now() - t0).toFixed(1));

const info = await tf.profile(() => { gradients(model, batch); });
const agg = new Map<string, [number, number]>();
for (const k of info.kernels) { const a = agg.get(k.name) ?? [0, 0]; a[0] += Number(k.kernelTimeMs); a[1] += 1; agg.set(k.name, a); }
console.log([...agg].sort((a, b) => b[1][0] - a[1][0]).slice(0, 20).map(([n, [t, c]]) => `${n.padEnd(20)} ${t.toFixed(1).padStart(8)} ms  x${c}`).join('\n'));
