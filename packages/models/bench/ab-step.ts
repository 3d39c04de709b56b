// A/B of one training step (gradients + AdamW, one thread) between an earlier commit's sources
// and the working tree, in alternating child processes so both see the same load.
// Run: pnpm --filter @cotlab/models bench:ab <commit> [T d V] [rounds]
// The commit's src/ is extracted to bench/.ab/<commit>/ (git-ignored); each child process runs
// 8 steps of the MLP at batch 128 and reports its fastest; the table gives min and median over rounds.
import { fileURLToPath } from 'node:url';
import { lastLineOfChild } from './child-process.js';
import { commitSources } from './commit-sources.js';
import { median } from './stats.js';

const BATCH = 128;
const STEPS = 8;

interface Modules {
  initBackend(name: 'wasm'): Promise<unknown>;
  createModel(config: object, options: { seed: number }): { variables: Map<string, unknown> };
  packBatch(model: unknown, seqs: unknown[]): { tokens: number };
  gradientBuffers(model: unknown): Map<string, Float32Array>;
  gradients(model: unknown, batch: unknown, into: Map<string, Float32Array>): unknown;
  AdamW: new (model: unknown, options: object) => { step(g: Map<string, Float32Array>, scale: number, lr: number): number; gradientBuffers?: () => Map<string, Float32Array> };
  Rng: new (seed: number) => { next(): number };
}

/** In a child: the fastest of STEPS steps with the sources in `dir`. */
async function child(dir: string, T: number, d: number, V: number): Promise<number> {
  const load = (file: string): Promise<Record<string, unknown>> => import(`${dir}/${file}`) as Promise<Record<string, unknown>>;
  const m = Object.assign({}, ...(await Promise.all(['backend.ts', 'create-model.ts', 'batch.ts', 'adamw.ts', 'rng.ts'].map(load)))) as Modules;
  await m.initBackend('wasm');
  const rng = new m.Rng(7);
  const seqs = Array.from({ length: BATCH }, () => ({ ids: Int32Array.from({ length: T + 1 }, () => Math.floor(rng.next() * V)) }));
  const model = m.createModel({ kind: 'mlp', vocabSize: V, contextLength: T, dim: d }, { seed: 1 });
  const batch = m.packBatch(model, seqs);
  const opt = new m.AdamW(model, { weightDecay: 0.1, gradClip: 1 });
  // the optimizer's own arrays where it has them (then its update runs in SIMD, as in train())
  const into = opt.gradientBuffers?.() ?? m.gradientBuffers(model);
  let best = Infinity;
  for (let s = 0; s < STEPS; s++) {
    const t0 = performance.now();
    m.gradients(model, batch, into);
    opt.step(into, 1 / batch.tokens, 1e-3);
    if (s > 0) best = Math.min(best, performance.now() - t0);
  }
  return best;
}

async function run(dir: string, T: number, d: number, V: number): Promise<number> {
  return Number(await lastLineOfChild(import.meta.url, { AB_CHILD: JSON.stringify({ dir, T, d, V }) }));
}

if (process.env['AB_CHILD'] !== undefined) {
  const { dir, T, d, V } = JSON.parse(process.env['AB_CHILD']) as { dir: string; T: number; d: number; V: number };
  console.log(await child(dir, T, d, V));
  process.exit(0);
}

const [rev, ...rest] = process.argv.slice(2);
if (rev === undefined) throw new Error('usage: bench:ab <commit> [T d V] [rounds]');
const [T = 64, d = 32, V = 512, rounds = 4] = rest.map(Number);
const { commit, dir: oldSources } = commitSources(rev);
const sides = { [commit]: oldSources, 'working tree': fileURLToPath(new URL('../src', import.meta.url)) };
const times: Record<string, number[]> = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
for (let r = 0; r < rounds; r++) for (const [name, dir] of Object.entries(sides)) times[name]!.push(await run(dir, T, d, V));
const stat = (xs: number[]): { min: number; median: number } => ({ min: Math.min(...xs), median: median(xs) });
const [a, b] = Object.values(times).map(stat) as [{ min: number; median: number }, { min: number; median: number }];
console.log(`T=${T} d=${d} V=${V}, batch ${BATCH}, gradients + AdamW, fastest of ${STEPS - 1} steps a process, ${rounds} alternating rounds:`);
for (const [name, xs] of Object.entries(times)) console.log(`  ${name.padEnd(12)} min ${stat(xs).min.toFixed(1)} ms, median ${stat(xs).median.toFixed(1)} ms  (${xs.map((x) => x.toFixed(0)).join(' ')})`);
console.log(`  working tree / ${commit}: ${(b.min / a.min).toFixed(2)} (min), ${(b.median / a.median).toFixed(2)} (median)`);
