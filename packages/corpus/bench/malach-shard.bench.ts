// Benchmark: the paper's 4×4 `malach` multiplication format written as a binary shard.
// Run: pnpm --filter @cotlab/corpus bench   (tsx, reading cotlab sources; no build needed)
// Baseline, measured in the same run: the generic path (write symbols, then encode them) into
// the same shard writer. The paper's own Python generator does ≈ 15,000 examples/s (≈ 4.7 M
// tokens/s) on the project machine (figure from the issue, not re-measured here).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTask, type MultiplicationInput, type Task } from '@cotlab/corpus';
import { writeDataset } from '@cotlab/corpus/node';

const EXAMPLES = Number(process.env['BENCH_EXAMPLES'] ?? 400_000);
const BASELINE_EXAMPLES = Math.max(1, Math.floor(EXAMPLES / 4));
const REPEATS = Number(process.env['BENCH_REPEATS'] ?? 3);
/** The paper's Python generator on the project machine (issue 5): examples/s. */
const PAPER_PYTHON_EXAMPLES_PER_S = 15_000;
const GOAL_EXAMPLES_PER_S = 150_000;

interface Row {
  path: string;
  examples: number;
  seconds: number;
  examplesPerSecond: number;
  tokensPerSecond: number;
}

const dir = mkdtempSync(join(tmpdir(), 'cotlab-bench-'));
const task = createTask('multiplication', { digits: '4x4', format: 'malach' }) as Task<MultiplicationInput>;

async function measure(path: string, examples: number, generic: boolean): Promise<Row> {
  // The generic path is what any format gets: symbols first (write), then one map lookup per symbol.
  const t0 = performance.now();
  const result = await writeDataset(task, {
    split: 'train',
    count: examples,
    seed: 1,
    shard: join(dir, `${path}.shard`),
    fastPath: !generic,
  });
  const seconds = (performance.now() - t0) / 1000;
  const tokens = result.shard!.tokens;
  return { path, examples, seconds, examplesPerSecond: examples / seconds, tokensPerSecond: tokens / seconds };
}

function best(rows: Row[]): Row {
  return rows.reduce((a, b) => (b.examplesPerSecond > a.examplesPerSecond ? b : a));
}

try {
  await measure('warmup', 20_000, false);
  const fast: Row[] = [];
  const generic: Row[] = [];
  for (let r = 0; r < REPEATS; r++) {
    fast.push(await measure('fast', EXAMPLES, false));
    generic.push(await measure('generic', BASELINE_EXAMPLES, true));
  }
  const f = best(fast);
  const g = best(generic);
  const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
  console.log(`malach 4×4 → binary shard (train split, ${REPEATS} repeats, best of each)`);
  console.log('| path | examples | seconds | examples/s | tokens/s |');
  console.log('|---|---|---|---|---|');
  for (const row of [f, g]) console.log(`| ${row.path} | ${fmt(row.examples)} | ${row.seconds.toFixed(3)} | ${fmt(row.examplesPerSecond)} | ${fmt(row.tokensPerSecond)} |`);
  console.log(`fast / generic (same run): ${(f.examplesPerSecond / g.examplesPerSecond).toFixed(2)}×`);
  console.log(`fast / paper's Python (${fmt(PAPER_PYTHON_EXAMPLES_PER_S)}/s, quoted): ${(f.examplesPerSecond / PAPER_PYTHON_EXAMPLES_PER_S).toFixed(1)}×; goal ${fmt(GOAL_EXAMPLES_PER_S)}/s: ${f.examplesPerSecond >= GOAL_EXAMPLES_PER_S ? 'met' : 'NOT met'}`);
  console.log(`Absolute figures are noisy on a shared machine (1-minute load average now ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores); the ratio is measured in one run.`);
  const out = new URL('results/', import.meta.url);
  mkdirSync(out, { recursive: true });
  writeFileSync(
    new URL('malach-shard.json', out),
    `${JSON.stringify(
      {
        benchmark: 'malach-shard',
        date: new Date().toISOString(),
        node: process.versions.node,
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        loadAverage1m: loadavg()[0],
        repeats: REPEATS,
        fast: f,
        generic: g,
        allRuns: { fast, generic },
        ratioFastOverGeneric: f.examplesPerSecond / g.examplesPerSecond,
        paperPythonExamplesPerSecond: PAPER_PYTHON_EXAMPLES_PER_S,
        ratioFastOverPaperPython: f.examplesPerSecond / PAPER_PYTHON_EXAMPLES_PER_S,
        goalExamplesPerSecond: GOAL_EXAMPLES_PER_S,
        caveat: 'measured on a 2-core machine shared with other engineers; absolute figures are noisy',
      },
      null,
      2,
    )}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
