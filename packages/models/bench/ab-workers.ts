// A/B of the 2-worker training step (parallel trainer: gradients, reduce, AdamW) between an
// earlier commit's sources and the working tree: each side's trainer lives in its own child
// process (one TensorFlow.js engine each), and the parent steps them in alternating order, round
// after round, so both see the same moments of the host.
// Run: pnpm --filter @cotlab/models bench:ab:workers <commit> [T d V] [rounds]   (default 64 32 512, 24 rounds)
// The commit's src/ is extracted to bench/.ab/<commit>/ (git-ignored; `commit-sources.ts`).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { commitSources } from './commit-sources.js';
import { median, quartiles } from './stats.js';

const BATCH = 128;
const WARM_UP = 3;

/** What this benchmark uses of a commit's sources (typed by use: the commit may differ). */
interface Modules {
  initBackend(name: 'wasm'): Promise<unknown>;
  Rng: new (seed: number) => { next(): number };
  createModel(config: object, options: { seed: number }): object;
  packBatch(model: object, seqs: unknown[]): { tokens: number };
  createParallelTrainer(model: object, workers: number, backend: 'wasm'): Promise<{ optimizerStorage: object; gradients(seqs: unknown[]): Promise<unknown>; step(optimizer: object, scale: number, lr: number): Promise<unknown>; close(): Promise<void> }>;
  AdamW: new (model: object, options: object) => object;
}

/** In a child: a 2-worker trainer built from the sources in `dir`, timing one step per message. */
async function serve(dir: string, T: number, d: number, V: number): Promise<void> {
  const load = (file: string): Promise<Record<string, unknown>> => import(`${dir}/${file}`) as Promise<Record<string, unknown>>;
  const m = Object.assign({}, ...(await Promise.all(['backend.ts', 'create-model.ts', 'batch.ts', 'adamw.ts', 'rng.ts', 'node/parallel.ts'].map(load)))) as Modules;
  await m.initBackend('wasm');
  const rng = new m.Rng(7);
  const seqs = Array.from({ length: BATCH }, () => ({ ids: Int32Array.from({ length: T + 1 }, () => Math.floor(rng.next() * V)) }));
  const model = m.createModel({ kind: 'mlp', vocabSize: V, contextLength: T, dim: d }, { seed: 1 });
  const trainer = await m.createParallelTrainer(model, 2, 'wasm');
  const optimizer = new m.AdamW(model, { weightDecay: 0.1, gradClip: 1, ...trainer.optimizerStorage });
  const tokens = m.packBatch(model, seqs).tokens;
  process.on('message', (message: string) => {
    if (message === 'close') {
      void trainer.close().then(() => process.exit(0));
      return;
    }
    const t0 = performance.now();
    void trainer
      .gradients(seqs)
      .then(() => trainer.step(optimizer, 1 / tokens, 1e-3))
      .then(() => process.send!(performance.now() - t0));
  });
  process.send!('ready');
}

if (process.env['AB_WORKERS_CHILD'] !== undefined) {
  const { dir, T, d, V } = JSON.parse(process.env['AB_WORKERS_CHILD']) as { dir: string; T: number; d: number; V: number };
  await serve(dir, T, d, V);
} else {
  await main();
}

/** A child serving the sources in `dir`, once it is ready. */
function startSide(dir: string, T: number, d: number, V: number): Promise<ChildProcess> {
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, AB_WORKERS_CHILD: JSON.stringify({ dir, T, d, V }) }, execArgv: process.execArgv });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench:ab:workers: a child exited with ${code} before it was ready`)));
  });
}

/** One timed step of a side (ms, measured in the child). */
function stepOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (ms) => resolve(ms as number));
    child.send('step');
  });
}

async function main(): Promise<void> {
  const [rev, ...rest] = process.argv.slice(2);
  if (rev === undefined) throw new Error('usage: bench:ab:workers <commit> [T d V] [rounds]');
  const [T = 64, d = 32, V = 512, rounds = 24] = rest.map(Number);
  for (const [name, value] of Object.entries({ T, d, V, rounds })) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`bench:ab:workers: ${name} must be a whole number ≥ 1, got ${value}`);
  }
  const { commit, dir: oldSources } = commitSources(rev);
  const names = [commit, 'working tree'];
  const sides = [await startSide(oldSources, T, d, V), await startSide(fileURLToPath(new URL('../src', import.meta.url)), T, d, V)];
  const ms: number[][] = [[], []];
  for (let r = 0; r < WARM_UP + rounds; r++) {
    // the order alternates, so neither side always runs right after the other
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    const round = [0, 0];
    for (const i of order) round[i] = await stepOf(sides[i]!);
    if (r < WARM_UP) continue;
    ms[0]!.push(round[0]!);
    ms[1]!.push(round[1]!);
  }
  for (const child of sides) child.send('close');
  const q = quartiles(ms[0]!.map((old, r) => old / ms[1]![r]!));
  const total = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  console.log(`T=${T} d=${d} V=${V}, batch ${BATCH}, 2-worker steps (gradients + reduce + AdamW), ${rounds} alternating rounds after ${WARM_UP} warm-up:`);
  for (const [i, name] of names.entries()) console.log(`  ${name.padEnd(12)} median ${median(ms[i]!).toFixed(1)} ms, mean ${(total(ms[i]!) / ms[i]!.length).toFixed(1)} ms, fastest ${Math.min(...ms[i]!).toFixed(1)} ms`);
  // the median resists the host's slow spells; the total time is what a training run pays for them
  console.log(`  speed-up of the working tree over ${commit}, per round: median ${q.median.toFixed(3)} (quartiles ${q.q1.toFixed(3)}–${q.q3.toFixed(3)}); all rounds' time: ${(total(ms[0]!) / total(ms[1]!)).toFixed(3)}; fastest steps: ${(Math.min(...ms[0]!) / Math.min(...ms[1]!)).toFixed(3)}`);
}
