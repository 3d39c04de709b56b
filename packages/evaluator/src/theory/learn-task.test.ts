import { compileLibraryCircuit, toSparsePredictor, toTorchStateDict } from '@cotlab/compiler';
import { createCircuitTask, createParityTask, createSymbolEncoder } from '@cotlab/corpus';
import { createModel, generate, initBackend, modelFromTorchStateDict, type Model } from '@cotlab/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { learnTask, LEARN_DEFAULTS, scoreExamples, type ScoredExample } from './learn-task.js';

const TINY = { ...LEARN_DEFAULTS, dim: 16, steps: 300, batchSize: 32, lr: 1e-2 };

function examplesOf(task: ReturnType<typeof createCircuitTask>): ScoredExample[] {
  const enc = createSymbolEncoder(task.vocabulary());
  return [...task.inputs!()].map((x) => {
    const ex = task.example(x);
    const symbols = [...ex.prompt, ...ex.cot, ...ex.answer];
    const ids = new Int32Array(symbols.length);
    enc.encodeInto(symbols, ids, 0);
    return { ids, promptLength: ex.prompt.length, answerLength: ex.answer.length };
  });
}

function rolloutExact(model: Model, examples: readonly ScoredExample[]): number {
  const outs = generate(model, examples.map((e) => e.ids.subarray(0, e.promptLength)), { maxNewTokens: examples[0]!.ids.length - examples[0]!.promptLength });
  return examples.filter((e, k) => Array.from(outs[k]!).join() === Array.from(e.ids.subarray(e.promptLength)).join()).length / examples.length;
}

describe('learning the compiled target', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('a linear predictor trained by SGD on addition-3 gate traces reaches 100% held-out exact match', async () => {
    const r = await learnTask(createCircuitTask({ circuit: 'addition', bits: 3, format: 'gates' }), { ...TINY, model: 'linear' });
    expect(r.testScored).toBeGreaterThan(10);
    expect(r.testExact).toBe(1);
    expect(r.trainExact).toBe(1);
    expect(r.cotLength).toBe(7 + 1 + 4); // 2n + 1 gates, '=', n + 1 output bits
  });

  it('control: without CoT the same linear predictor does not learn parity of 8 bits', async () => {
    const r = await learnTask(createParityTask({ bits: 8, format: 'none' }), { ...TINY, model: 'linear', steps: 150 });
    expect(r.testExact).toBeLessThan(0.8);
  });

  it('teacher-forced exact match equals the greedy rollout’s, for the compiled model and for a random one', () => {
    const task = createCircuitTask({ circuit: 'addition', bits: 2, format: 'gates' });
    const examples = examplesOf(task);
    const compiled = modelFromTorchStateDict(toTorchStateDict(toSparsePredictor(compileLibraryCircuit('addition', 2).program)), 'compiled');
    expect(scoreExamples(compiled, examples)).toEqual({ exact: 1, answer: 1 });
    expect(rolloutExact(compiled, examples)).toBe(1);
    compiled.dispose();
    for (const seed of [1, 2, 3]) {
      const random = createModel({ kind: 'linear', vocabSize: task.vocabulary().length, contextLength: examples[0]!.ids.length, dim: 4 }, { seed });
      expect(scoreExamples(random, examples).exact).toBe(rolloutExact(random, examples));
      random.dispose();
    }
  });

  it('rejects a bad recipe before any work', async () => {
    await expect(learnTask(createParityTask({ bits: 4 }), { ...TINY, model: 'linear', steps: 0 })).rejects.toThrow(/'recipe.steps' must be an integer ≥ 1, got 0/);
  });
});
