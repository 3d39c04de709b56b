// Where two workers' time goes, for the MLP split by position blocks: each share's gradient pass
// in one thread, the whole batch in one thread, the two shares in two worker threads (with the
// process's CPU time and page faults), and in two processes at once; then each worker's time by
// phase in full 2-worker steps (refresh, gradients, reduce, AdamW); rounds interleaved.
// Run: pnpm --filter @cotlab/models bench:workers [T d V] [rounds]   (default 307 16 117, 4 rounds)
// Results in bench/results/workers-split.json.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { resourceUsage } from 'node:process';
import { fileURLToPath } from 'node:url';
import { initBackend } from '../src/backend.js';
import { AdamW } from '../src/adamw.js';
import { gradientBuffers, gradientsInChunks, packBatch, type TokenSequenceLike } from '../src/batch.js';
import { createModel } from '../src/create-model.js';
import { createParallelTrainer, type WorkerTimings } from '../src/node/parallel.js';
import { positionShares } from '../src/position-shares.js';
import { Rng } from '../src/rng.js';
import { lastLineOfChild, startTogether, waitForStart } from './child-process.js';
import { median } from './stats.js';

const BATCH = 128;
const STEPS = 6; // a measurement: the median of STEPS − 1 steps (the first warms up)
const args = process.argv.slice(2).map(Number);
const [T, d, V] = (args.length >= 3 ? args.slice(0, 3) : [307, 16, 117]) as [number, number, number];
const rounds = args[3] ?? 4;

await initBackend('wasm');
const rng = new Rng(7);
const seqs: TokenSequenceLike[] = Array.from({ length: BATCH }, () => ({ ids: Int32Array.from({ length: T + 1 }, () => Math.floor(rng.next() * V)) }));
const config = { kind: 'mlp', vocabSize: V, contextLength: T, dim: d } as const;
const model = createModel(config, { seed: 1 });
const shares = positionShares(model, 2);
if (shares === undefined) throw new Error(`bench: T=${T} has fewer than 2 position blocks`);

/** Median ms of `fn` over STEPS − 1 runs after one warm-up. */
async function timed(fn: () => unknown): Promise<number> {
  const ms: number[] = [];
  for (let s = 0; s < STEPS; s++) {
    const t0 = performance.now();
    await fn();
    if (s > 0) ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** One share's gradient pass, in this thread (undefined: the whole batch). */
function share(blocks: readonly number[] | undefined): Promise<number> {
  const into = gradientBuffers(model);
  return timed(() => gradientsInChunks(model, seqs, BATCH, into, false, blocks));
}

if (process.env['BENCH_SHARE'] !== undefined) {
  await waitForStart();
  console.log(JSON.stringify({ ms: await share(shares[Number(process.env['BENCH_SHARE'])]) }));
  process.exit(0);
}

/** A child process timing share k alone (the same script, BENCH_SHARE = k). */
const child = async (k: number, start: Record<string, string> = {}): Promise<number> =>
  (JSON.parse(await lastLineOfChild(import.meta.url, { BENCH_SHARE: String(k), ...start }, [String(T), String(d), String(V)])) as { ms: number }).ms;

const replica = createModel(config, { seed: 1 });
const trainer = await createParallelTrainer(replica, 2, 'wasm');
const optimizer = new AdamW(replica, { weightDecay: 0.1, gradClip: 1, ...trainer.optimizerStorage });
const tokens = packBatch(replica, seqs).tokens;

/** Median over STEPS − 1 full 2-worker steps (after one warm-up) of each worker's time by phase. */
async function phases(): Promise<Record<string, number>> {
  const rows: WorkerTimings[][] = [];
  for (let s = 0; s < STEPS; s++) {
    await trainer.gradients(seqs);
    await trainer.step(optimizer, 1 / tokens, 1e-3);
    if (s > 0) rows.push([...trainer.lastStepTimings()]);
  }
  const out: Record<string, number> = {};
  for (const k of [0, 1]) for (const phase of ['refreshMs', 'gradientsMs', 'reduceMs', 'updateMs'] as const) out[`worker${k}${phase[0]!.toUpperCase()}${phase.slice(1)}`] = median(rows.map((r) => r[k]![phase]));
  return out;
}

const results: Record<string, number>[] = [];
try {
  for (let r = 0; r < rounds; r++) {
    const wholeMs = await share(undefined);
    const share0Ms = await share(shares[0]);
    const share1Ms = await share(shares[1]);
    const before = resourceUsage();
    const twoThreadsMs = await timed(() => trainer.gradients(seqs));
    const after = resourceUsage();
    const start = startTogether();
    const [p0, p1] = await Promise.all([child(0, start), child(1, start)]);
    const row = {
      round: r,
      wholeMs,
      share0Ms,
      share1Ms,
      twoThreadsMs,
      twoThreadsCpuMsPerStep: (after.userCPUTime + after.systemCPUTime - before.userCPUTime - before.systemCPUTime) / 1000 / STEPS,
      twoThreadsMinorFaultsPerStep: (after.minorPageFault - before.minorPageFault) / STEPS,
      twoProcessesMs: Math.max(p0, p1),
      shareAloneInProcessMs: await child(0),
      // a full 2-worker step (gradients, reduce, AdamW), each worker's own time by phase
      ...(await phases()),
    };
    results.push(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, +v.toFixed(1)])));
    console.log(JSON.stringify(results[results.length - 1]));
  }
} finally {
  await trainer.close();
}
console.table(results);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const file = fileURLToPath(new URL('./results/workers-split.json', import.meta.url));
writeFileSync(`${file}.tmp`, `${JSON.stringify({ date: new Date().toISOString(), config: { T, d, V, batch: BATCH }, shares, rounds: results }, null, 2)}\n`);
renameSync(`${file}.tmp`, file);
