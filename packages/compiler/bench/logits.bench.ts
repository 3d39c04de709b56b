// Sparse compiled predictor vs the same weights in @cotlab/models' dense LinearModel: logits at
// every position of every input, measured in the same run (ratios are meaningful on any machine).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createCircuitTask, createSymbolEncoder } from '@cotlab/corpus';
import { initBackend, modelFromTorchStateDict } from '@cotlab/models';
import { compileLibraryCircuit, sparseLogits, toSparsePredictor, toTorchStateDict } from '../src/index.js';

const REPEATS = 5;
const backend = await initBackend();
const rows: Record<string, unknown>[] = [];
for (const [circuit, bits] of [['addition', 4], ['parity', 10], ['multiplication', 3]] as const) {
  const p = toSparsePredictor(compileLibraryCircuit(circuit, bits).program);
  const task = createCircuitTask({ circuit, bits });
  const enc = createSymbolEncoder(task.vocabulary());
  const seqs = [...task.inputs!()].map((x) => {
    const ex = task.example(x);
    const s = [...ex.prompt, ...ex.cot, ...ex.answer];
    const ids = new Int32Array(s.length);
    enc.encodeInto(s, ids, 0);
    return ids;
  });
  const model = modelFromTorchStateDict(toTorchStateDict(p), 'bench');
  model.logits(seqs.slice(0, 8)); // warm-up
  const time = (f: () => void): number => {
    const best: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const t0 = performance.now();
      f();
      best.push(performance.now() - t0);
    }
    return Math.min(...best) / 1000;
  };
  const out = new Float64Array(p.vocabulary.length);
  for (const s of seqs) for (let i = 0; i < p.length; i++) sparseLogits(p, s, i, out); // warm-up
  const sparse = time(() => {
    for (const s of seqs) for (let i = 0; i < p.length; i++) sparseLogits(p, s, i, out);
  });
  const dense = time(() => {
    model.logits(seqs);
  });
  model.dispose();
  rows.push({ circuit: `${circuit}-${bits}`, sequences: seqs.length, length: p.length, sparseSeconds: sparse, denseSeconds: dense, denseOverSparse: dense / sparse, backend });
}
console.table(rows);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/logits.json', import.meta.url), `${JSON.stringify({ date: new Date().toISOString(), note: 'shared 2-core machine: absolute times are noisy, the ratio is the figure', rows }, null, 2)}\n`);
