// Writes the tables of bench/results/train-step.json into the README between its bench-table markers.
// Run: pnpm --filter @cotlab/models bench:readme
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

interface Row {
  config: string;
  batch: number;
  stepMs: number;
  ratioToMatMul: number;
  denseMatMulGflops: number;
  naiveStepMs: number;
  naiveRatioToMatMul: number;
  trainStepMs1Worker: number;
  trainTokensPerSecond: number;
  trainEffectiveGflops: number;
  trainRatioToMatMul: number;
  trainStepMs2Workers: number;
  tokensPerSecond2Workers: number;
  speedup2Workers: number;
  cpuStepMs1Worker: number;
  cpuStepMs2Workers: number;
  twoProcessAloneMs: number;
  twoProcessTogetherMs: number;
  twoProcessCeiling: number;
  cpuRatioToMatMul: number;
  idealSpeedup2Workers: number;
  /** Absent in runs before the paired measurement. */
  pairedStepMs1Worker?: number;
  pairedStepMs2Workers?: number;
  pairedSpeedup2Workers?: number;
  pairedSpeedup2WorkersQ1?: number;
  pairedSpeedup2WorkersQ3?: number;
  pairedCpuRatio2Workers?: number;
  /** Absent in runs before the ceiling was measured in the same rounds. */
  pairedCeiling2Threads?: number;
  pairedCeiling2ThreadsQ1?: number;
  pairedCeiling2ThreadsQ3?: number;
  pairedEfficiency2Workers?: number;
  pairedEfficiency2WorkersQ1?: number;
  pairedEfficiency2WorkersQ3?: number;
  /** Absent in runs before the workers' imbalance was recorded. */
  pairedImbalance2Workers?: number;
  pairedImbalance2WorkersQ3?: number;
  pairedEvenRounds?: number;
  pairedSpeedup2WorkersEvenRounds?: number;
  backend: string;
}

const results = JSON.parse(readFileSync(new URL('./results/train-step.json', import.meta.url), 'utf8')) as { date: string; commit?: string; repeats: number; rows: Row[] };
const n = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 1 });
const lines = [
  `Measured ${results.date.slice(0, 16).replace('T', ' ')} UTC, ${results.rows[0]?.backend ?? '?'} backend, batch ${results.rows[0]?.batch ?? '?'} sequences, fastest of ${results.repeats} interleaved repetitions.`,
  '',
  '| config (MLP) | train() step ms | tokens/s | effective GFLOP/s | dense matMul GFLOP/s | **ratio to matMul** (goal ≥ 0.6) | one-pass step ms (ratio) | naive step ms (ratio) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...results.rows.map(
    (r) =>
      `| ${r.config} | ${n(r.trainStepMs1Worker)} | ${n(r.trainTokensPerSecond)} | ${n(r.trainEffectiveGflops)} | ${n(r.denseMatMulGflops)} | **${r.trainRatioToMatMul.toFixed(2)}** | ${n(r.stepMs)} (${r.ratioToMatMul.toFixed(2)}) | ${n(r.naiveStepMs)} (${r.naiveRatioToMatMul.toFixed(3)}) |`,
  ),
  '',
  '| config (MLP) | 1 worker ms | 2 workers ms | **2-worker speed-up** (goal ≥ 1.7×) | tokens/s, 2 workers | CPU ms/step, 1 → 2 workers | two processes: alone → together ms | **machine ceiling** (2 × alone / together) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...results.rows.map(
    (r) =>
      `| ${r.config} | ${n(r.trainStepMs1Worker)} | ${n(r.trainStepMs2Workers)} | **${r.speedup2Workers.toFixed(2)}×** | ${n(r.tokensPerSecond2Workers)} | ${n(r.cpuStepMs1Worker)} → ${n(r.cpuStepMs2Workers)} | ${n(r.twoProcessAloneMs)} → ${n(r.twoProcessTogetherMs)} | **${r.twoProcessCeiling.toFixed(2)}×** |`,
  ),
];
const paired = results.rows.filter((r) => r.pairedSpeedup2Workers !== undefined);
if (paired.length > 0) {
  lines.push(
    '',
    'The 2-worker speed-up from adjacent rounds of steps (a step with 1 worker, one with 2, and the machine ceiling: the 1-worker step in a worker thread alone, then in two independent threads at once; the order reversed every other round), median and quartiles over the rounds:',
    '',
    '| config (MLP) | median step ms, 1 → 2 workers | **2-worker speed-up** (goal ≥ 1.7×) | quartiles | CPU time, 2 workers / 1 | **machine ceiling, same rounds** (quartiles) | speed-up / ceiling (quartiles) | slower worker\'s pass, longer by (median, Q3) | speed-up in even rounds (≤ 10%; rounds) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...paired.map((r) => {
      const ceiling = r.pairedCeiling2Threads === undefined ? '–' : `**${r.pairedCeiling2Threads.toFixed(2)}×** (${r.pairedCeiling2ThreadsQ1!.toFixed(2)}× – ${r.pairedCeiling2ThreadsQ3!.toFixed(2)}×)`;
      const share = r.pairedEfficiency2Workers === undefined ? '–' : `${r.pairedEfficiency2Workers.toFixed(2)} (${r.pairedEfficiency2WorkersQ1!.toFixed(2)} – ${r.pairedEfficiency2WorkersQ3!.toFixed(2)})`;
      const percent = (x: number): string => `${(100 * x).toFixed(0)}%`;
      const imbalance = r.pairedImbalance2Workers === undefined ? '–' : `${percent(r.pairedImbalance2Workers)}, ${percent(r.pairedImbalance2WorkersQ3!)}`;
      const even = r.pairedEvenRounds === undefined ? '–' : `${r.pairedSpeedup2WorkersEvenRounds === undefined ? '–' : `${r.pairedSpeedup2WorkersEvenRounds.toFixed(2)}×`} (${r.pairedEvenRounds})`;
      return `| ${r.config} | ${n(r.pairedStepMs1Worker!)} → ${n(r.pairedStepMs2Workers!)} | **${r.pairedSpeedup2Workers!.toFixed(2)}×** | ${r.pairedSpeedup2WorkersQ1!.toFixed(2)}× – ${r.pairedSpeedup2WorkersQ3!.toFixed(2)}× | ${r.pairedCpuRatio2Workers!.toFixed(2)} | ${ceiling} | ${share} | ${imbalance} | ${even} |`;
    }),
  );
}
// the spread between runs of the same code: this machine's load moves single runs by ±20–50%
const history = readFileSync(new URL('./results/train-step-history.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { date: string; commit?: string; rows: Row[] })
  .filter((r) => r.commit !== undefined && r.commit === results.commit);
if (history.length >= 2) {
  const spread = (xs: number[], digits: number, suffix = ''): string => {
    const s = [...xs].sort((a, b) => a - b);
    return `${s[0]!.toFixed(digits)}${suffix} / **${s[Math.floor((s.length - 1) / 2)]!.toFixed(digits)}${suffix}** / ${s[s.length - 1]!.toFixed(digits)}${suffix}`;
  };
  lines.push(
    '',
    `The same code (commit ${history[0]!.commit}) over ${history.length} runs of the benchmark, min / **median** / max:`,
    '',
    '| config (MLP) | train() step ms | dense matMul GFLOP/s | ratio to matMul (goal ≥ 0.6) | same, in CPU time | 2-worker speed-up (goal ≥ 1.7×) | same, paired steps (median) | same, paired even rounds (median) | same, from CPU time | machine ceiling (two processes) | same, two threads in the paired rounds (median) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.rows.map((r, i) => {
      const rows = history.map((h) => h.rows[i]!).filter((x) => x.config === r.config);
      const pairedRuns = rows.flatMap((x) => (x.pairedSpeedup2Workers === undefined ? [] : [x.pairedSpeedup2Workers]));
      const ceilingRuns = rows.flatMap((x) => (x.pairedCeiling2Threads === undefined ? [] : [x.pairedCeiling2Threads]));
      const evenRuns = rows.flatMap((x) => (x.pairedSpeedup2WorkersEvenRounds === undefined ? [] : [x.pairedSpeedup2WorkersEvenRounds]));
      return `| ${r.config} | ${spread(rows.map((x) => x.trainStepMs1Worker), 0)} | ${spread(rows.map((x) => x.denseMatMulGflops), 1)} | ${spread(rows.map((x) => x.trainRatioToMatMul), 2)} | ${spread(rows.map((x) => x.cpuRatioToMatMul), 2)} | ${spread(rows.map((x) => x.speedup2Workers), 2, '×')} | ${pairedRuns.length === 0 ? '–' : spread(pairedRuns, 2, '×')} | ${evenRuns.length === 0 ? '–' : spread(evenRuns, 2, '×')} | ${spread(rows.map((x) => x.idealSpeedup2Workers), 2, '×')} | ${spread(rows.map((x) => x.twoProcessCeiling), 2, '×')} | ${ceilingRuns.length === 0 ? '–' : spread(ceilingRuns, 2, '×')} |`;
    }),
  );
}
const readmeUrl = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmeUrl, 'utf8');
const begin = '<!-- bench-table -->\n';
const end = '<!-- /bench-table -->';
const from = readme.indexOf(begin);
const to = readme.indexOf(end);
if (from < 0 || to < from) throw new Error('README.md has no <!-- bench-table --> … <!-- /bench-table --> section');
const tmp = `${readmeUrl.pathname}.tmp`;
writeFileSync(tmp, readme.slice(0, from + begin.length) + lines.join('\n') + '\n' + readme.slice(to));
renameSync(tmp, readmeUrl.pathname);
console.log(lines.join('\n'));
