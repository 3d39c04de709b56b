// What a second core gives on this machine, apart from cotlab's own code: three small loops, each
// run in one process alone and then in two processes at once, rounds interleaved. A loop that
// loses speed when both cores run it shares a resource with the other core: the execution units
// of one physical core (two virtual CPUs that are hyper-threads of it), or its caches.
// Run: pnpm --filter @cotlab/models bench:machine [rounds]   (default 3; results in bench/results/machine.json)
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { initBackend } from '../src/backend.js';
import { Rng } from '../src/rng.js';
import { tf } from '../src/tf.js';
import { lastLineOfChild, startTogether, waitForStart } from './child-process.js';
import { median } from './stats.js';

const LOOPS = {
  /** The backend's dense matMul [128, 2048] × [2048, 2048] (XNNPACK on WebAssembly): bound by the execution units. */
  matMul: { unit: 'GFLOP/s', sizeBytes: 0 },
  /** Summing 1 MB over and over: stays in a core's L2 cache. */
  l2Stream: { unit: 'GB/s', sizeBytes: 1 << 20 },
  /** Summing 256 MB: from main memory. */
  memoryStream: { unit: 'GB/s', sizeBytes: 256 << 20 },
} as const;
type LoopName = keyof typeof LOOPS;
const SECONDS = 2; // each process times its loop this long, from a common start when two run

/** A loop, set up: one call does `work` units of its measure (FLOPs, bytes). */
async function setUp(name: LoopName): Promise<{ run: () => unknown; work: number }> {
  if (name === 'matMul') {
    await initBackend('wasm');
    const rng = new Rng(1);
    const a = tf.tensor2d(Float32Array.from({ length: 128 * 2048 }, () => rng.normal()), [128, 2048]);
    const b = tf.tensor2d(Float32Array.from({ length: 2048 * 2048 }, () => rng.normal()), [2048, 2048]);
    const run = (): void => {
      const c = tf.matMul(a, b);
      c.dataSync();
      c.dispose();
    };
    return { run, work: 2 * 128 * 2048 * 2048 };
  }
  const data = new Float64Array(LOOPS[name].sizeBytes / 8).fill(1);
  const sweeps = Math.max(1, Math.round((64 << 20) / data.byteLength)); // ≥ 64 MB read per call
  const run = (): number => {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let k = 0; k < sweeps; k++) for (let i = 0; i < data.length; i += 4) {
      s0 += data[i]!; s1 += data[i + 1]!; s2 += data[i + 2]!; s3 += data[i + 3]!;
    }
    return s0 + s1 + s2 + s3;
  };
  return { run, work: sweeps * data.byteLength };
}

/** The loop's median rate (in its unit, per second / 1e9) over SECONDS of calls, after `ready`. */
async function measure(name: LoopName, ready: () => Promise<void>): Promise<number> {
  const { run, work } = await setUp(name);
  run();
  await ready();
  const ms: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  return work / (median(ms) / 1000) / 1e9;
}

if (process.env['BENCH_LOOP'] !== undefined) {
  console.log(JSON.stringify({ rate: await measure(process.env['BENCH_LOOP'] as LoopName, waitForStart) }));
  process.exit(0);
}

const rounds = Number(process.argv[2] ?? 3);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`bench:machine: rounds must be a whole number ≥ 1, got ${JSON.stringify(process.argv[2])}`);
const child = async (name: LoopName, start: Record<string, string> = {}): Promise<number> =>
  (JSON.parse(await lastLineOfChild(import.meta.url, { BENCH_LOOP: name, ...start })) as { rate: number }).rate;

const rows: Record<string, string | number>[] = [];
for (const name of Object.keys(LOOPS) as LoopName[]) {
  const alone: number[] = [];
  const together: number[] = [];
  for (let r = 0; r < rounds; r++) {
    alone.push(await child(name));
    const start = startTogether(2500);
    const [a, b] = await Promise.all([child(name, start), child(name, start)]);
    together.push((a + b) / 2);
  }
  const a = median(alone);
  const t = median(together);
  rows.push({ loop: name, unit: LOOPS[name].unit, alone: +a.toFixed(2), eachOfTwo: +t.toFixed(2), twoCoreSpeedup: +((2 * t) / a).toFixed(2) });
  console.log(JSON.stringify(rows[rows.length - 1]));
}
console.table(rows);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const file = fileURLToPath(new URL('./results/machine.json', import.meta.url));
writeFileSync(`${file}.tmp`, `${JSON.stringify({ date: new Date().toISOString(), rounds, rows }, null, 2)}\n`);
renameSync(`${file}.tmp`, file);
