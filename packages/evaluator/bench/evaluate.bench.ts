// Benchmark: evaluation with the teacher-forcing shortcut against plain greedy rollouts of every
// example (the baseline), on the same trained model in the same run. Prints a table and writes
// bench/results/evaluate.json. Run: pnpm --filter @cotlab/evaluator bench
import { mkdir, writeFile } from 'node:fs/promises';
import { createModel, generate, initBackend, train } from '@cotlab/models';
import { evaluate, multiplicationData, resolvePreset } from '@cotlab/evaluator';
import { machineInfo } from '@cotlab/evaluator/node';

const TRAIN_STEPS = Number(process.env['BENCH_TRAIN_STEPS'] ?? 600);
const N = Number(process.env['BENCH_N'] ?? 500);
const REPEATS = 2;

const backend = await initBackend();
const preset = resolvePreset('quick');
const data = multiplicationData(preset.digits, preset.format);
const model = createModel({ kind: 'mlp', vocabSize: data.tokenizer.size, contextLength: data.sequenceLength, dim: preset.model.dim }, { seed: 1 });
await train(model, data.trainSequences(1, 'all'), { steps: TRAIN_STEPS, batchSize: 64, lr: preset.train.lr, warmupSteps: 50, seed: 1 });
const examples = data.testExamples(N, 7);
const rollout = (prompts: Int32Array[], o: { maxNewTokens: number }) => generate(model, prompts, { maxNewTokens: o.maxNewTokens, temperature: 0 });

async function time(shortcut: boolean) {
  const once = async () => {
    const t0 = performance.now();
    const result = await evaluate({ model, codec: data.tokenizer, examples, answerOf: (c) => data.task.format.answerOf(c), rollout, batchSize: 100, shortcut });
    return { seconds: (performance.now() - t0) / 1000, result };
  };
  let best = await once();
  for (let r = 1; r < REPEATS; r++) {
    const next = await once();
    if (next.seconds < best.seconds) best = next;
  }
  return best;
}

const full = await time(false);
const fast = await time(true);
const same = JSON.stringify(full.result) === JSON.stringify(fast.result);
const rows = [
  { method: 'greedy rollout of every example (baseline)', seconds: full.seconds, examplesPerSecond: N / full.seconds },
  { method: 'teacher forcing + rollout of departures only', seconds: fast.seconds, examplesPerSecond: N / fast.seconds },
];
console.log(`evaluate ${N} held-out 2×2 pairs, stepwise CoT, MLP d=16 after ${TRAIN_STEPS} steps (exact match ${(fast.result.answers.exactMatch * 100).toFixed(1)}%), backend ${backend}`);
console.log('| method | seconds (best of 2) | examples/s |');
console.log('| --- | ---: | ---: |');
for (const r of rows) console.log(`| ${r.method} | ${r.seconds.toFixed(2)} | ${r.examplesPerSecond.toFixed(0)} |`);
console.log(`speed-up ${(full.seconds / fast.seconds).toFixed(2)}×; identical results: ${same}`);
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFile(new URL('./results/evaluate.json', import.meta.url), `${JSON.stringify({
  benchmark: 'evaluate', n: N, trainSteps: TRAIN_STEPS, exactMatch: fast.result.answers.exactMatch, rows,
  speedup: full.seconds / fast.seconds, identical: same, machine: machineInfo(backend), date: new Date().toISOString(),
}, null, 2)}\n`);
model.dispose();
if (!same) process.exitCode = 1;
