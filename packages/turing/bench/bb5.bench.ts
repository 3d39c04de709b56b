// BB(5) to halting without tracing: the general simulator and the generated specialised code
// against two C references compiled in the same run; then traced throughput of each CoT encoding.
// Run: pnpm --filter @cotlab/turing bench
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUSY_BEAVERS, compileMachine, ENCODING_NAMES, getEncoding, getMachine, run, type RunOptions } from '@cotlab/turing';
import { compileC, makeTempDir, switchSource, tableSource, type CTiming } from './c-reference.js';

/** Alternating rounds; each contender's best round is its figure (the machine is shared and noisy). */
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
/** Steps of BB(5) traced per encoding (the snapshot encoding writes ~s tokens per step, so fewer). */
const TRACE_STEPS: Record<string, number> = { transitions: 2_000_000, incremental: 2_000_000, snapshots: 20_000 };
/** The goals: general ≥ 1.0× C table loop; generated ≥ 0.5× C switch loop. */
const GOAL_GENERAL = 1.0;
const GOAL_JIT = 0.5;

const bb5 = BUSY_BEAVERS.find((b) => b.states === 5)!;
const machine = compileMachine(getMachine('bb5').spec);

interface Row {
  name: string;
  stepsPerSecond: number;
  medianStepsPerSecond: number;
  seconds: number[];
  steps: number;
  ones: number;
}

const rows = new Map<string, Row>();
function record(name: string, steps: number, ones: number, seconds: number[]): void {
  const row = rows.get(name) ?? { name, stepsPerSecond: 0, medianStepsPerSecond: 0, seconds: [], steps, ones };
  if (steps !== bb5.steps || ones !== bb5.ones) throw new Error(`bench: ${name} gave ${steps} steps / ${ones} ones, expected ${bb5.steps} / ${bb5.ones}`);
  row.seconds.push(...seconds);
  rows.set(name, row);
}

function timeJs(name: string, options: RunOptions): void {
  const t0 = performance.now();
  const r = run(machine, [], { maxSteps: bb5.steps + 1, ...options });
  const seconds = (performance.now() - t0) / 1000;
  record(name, r.steps, r.nonBlank, [seconds]);
}

const { dir, cleanup } = makeTempDir();
const notes: string[] = [];
try {
  const cTable = compileC('table', tableSource(machine), dir);
  const cSwitch = compileC('switch', switchSource(machine), dir);
  for (const p of [cTable, cSwitch]) if ('skipped' in p) notes.push(p.skipped);

  // Warm up the JavaScript engines (lets V8 optimise the kernels) before timing.
  for (const engine of ['table', 'jit'] as const) run(machine, [], { engine, maxSteps: 5_000_000 });
  run(machine, [], { engine: 'jit', jit: { fuseRuns: false }, maxSteps: 5_000_000 });
  run(machine, [], { engine: 'jit', jit: { dispatch: 'switch', fuseRuns: false }, maxSteps: 5_000_000 });
  run(machine, [], { engine: 'table', table: { fuseRuns: false }, maxSteps: 5_000_000 });

  for (let round = 0; round < ROUNDS; round++) {
    process.stderr.write(`round ${round + 1}/${ROUNDS}\r`);
    if ('run' in cTable) {
      const t: CTiming = cTable.run(1);
      record('C table loop (cc -O2)', t.steps, t.ones, t.seconds);
    }
    timeJs('JS general table kernel, plain', { engine: 'table', table: { fuseRuns: false } });
    timeJs('JS general table kernel, fused runs (default)', { engine: 'table' });
    if ('run' in cSwitch) {
      const t: CTiming = cSwitch.run(1);
      record('C specialised switch (cc -O2)', t.steps, t.ones, t.seconds);
    }
    timeJs('JS generated, switch, per step', { engine: 'jit', jit: { dispatch: 'switch', fuseRuns: false } });
    timeJs('JS generated, threaded, per step', { engine: 'jit', jit: { fuseRuns: false } });
    timeJs('JS generated, threaded + fused runs (default jit)', { engine: 'jit' });
  }
} finally {
  cleanup();
}

for (const row of rows.values()) {
  const sorted = [...row.seconds].sort((a, b) => a - b);
  row.stepsPerSecond = row.steps / sorted[0]!;
  row.medianStepsPerSecond = row.steps / sorted[Math.floor(sorted.length / 2)]!;
}

const rate = (name: string): number | undefined => rows.get(name)?.stepsPerSecond;
const ratio = (a: string, b: string): number | undefined => {
  const x = rate(a);
  const y = rate(b);
  return x === undefined || y === undefined ? undefined : x / y;
};
const ratios = {
  generalPlainVsCTable: ratio('JS general table kernel, plain', 'C table loop (cc -O2)'),
  generalVsCTable: ratio('JS general table kernel, fused runs (default)', 'C table loop (cc -O2)'),
  jitSwitchPerStepVsCSwitch: ratio('JS generated, switch, per step', 'C specialised switch (cc -O2)'),
  jitThreadedPerStepVsCSwitch: ratio('JS generated, threaded, per step', 'C specialised switch (cc -O2)'),
  jitFusedVsCSwitch: ratio('JS generated, threaded + fused runs (default jit)', 'C specialised switch (cc -O2)'),
};

// Traced throughput: CoT tokens per second for each encoding on a prefix of BB(5)'s run, as
// token strings (encode) and as token ids in chunks (encodeIds).
interface Traced { encoding: string; api: 'encode' | 'encodeIds'; steps: number; tokens: number; seconds: number; tokensPerSecond: number; stepsPerSecond: number }
const traced: Traced[] = [];
for (const name of ENCODING_NAMES) {
  const encoding = getEncoding(name);
  const maxSteps = TRACE_STEPS[name]!;
  for (const api of ['encode', 'encodeIds'] as const) {
    let best = Infinity;
    let tokens = 0;
    for (let round = 0; round < 3; round++) {
      const t0 = performance.now();
      let count = 0;
      if (api === 'encode') for (const token of encoding.encode(machine, [], { maxSteps })) count += token.length > 0 ? 1 : 0;
      else for (const chunk of encoding.encodeIds(machine, [], { maxSteps })) count += chunk.length;
      best = Math.min(best, (performance.now() - t0) / 1000);
      tokens = count;
    }
    traced.push({ encoding: name, api, steps: maxSteps, tokens, seconds: best, tokensPerSecond: tokens / best, stepsPerSecond: maxSteps / best });
  }
}

const M = (x: number | undefined): string => (x === undefined ? '—' : `${(x / 1e6).toFixed(1)} M`);
const X = (x: number | undefined): string => (x === undefined ? '—' : `${x.toFixed(2)}×`);
console.log(`\nBB(5) ${bb5.compact}: ${bb5.steps.toLocaleString('en-US')} steps to halt, best of ${ROUNDS} alternating rounds`);
console.log('| contender | best steps/s | median steps/s |');
console.log('| --- | ---: | ---: |');
for (const row of rows.values()) console.log(`| ${row.name} | ${M(row.stepsPerSecond)} | ${M(row.medianStepsPerSecond)} |`);
console.log(`\ngeneral JS, plain / C table loop: ${X(ratios.generalPlainVsCTable)}`);
console.log(`general JS, fused runs (default) / C table loop: ${X(ratios.generalVsCTable)} (goal ≥ ${GOAL_GENERAL}×)`);
console.log(`generated JS, switch per step / C switch: ${X(ratios.jitSwitchPerStepVsCSwitch)}`);
console.log(`generated JS, threaded per step / C switch: ${X(ratios.jitThreadedPerStepVsCSwitch)}`);
console.log(`generated JS, threaded + fused runs (default) / C switch: ${X(ratios.jitFusedVsCSwitch)} (goal ≥ ${GOAL_JIT}×)`);
console.log('\n| encoding | API | steps traced | tokens | tokens/s | steps/s |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const t of traced) console.log(`| ${t.encoding} | ${t.api} | ${t.steps.toLocaleString('en-US')} | ${t.tokens.toLocaleString('en-US')} | ${M(t.tokensPerSecond)} | ${M(t.stepsPerSecond)} |`);
for (const note of notes) console.log(`note: ${note}`);

const results = {
  benchmark: 'bb5',
  machine: bb5.compact,
  steps: bb5.steps,
  ones: bb5.ones,
  rounds: ROUNDS,
  date: new Date().toISOString(),
  node: process.versions.node,
  caveat: 'absolute figures depend on the machine and its load; ratios are measured in the same run',
  contenders: [...rows.values()],
  ratios,
  goals: { generalVsCTable: GOAL_GENERAL, jitFusedVsCSwitch: GOAL_JIT },
  traced,
  notes,
};
const outFile = join(dirname(fileURLToPath(import.meta.url)), 'results', 'bb5.json');
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(`${outFile}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
renameSync(`${outFile}.tmp`, outFile);
console.log(`\nwrote ${outFile}`);
