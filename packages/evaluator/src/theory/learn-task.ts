import { createSymbolEncoder, datasetInputs, makeLossMask, type Task } from '@cotlab/corpus';
import { createModel, currentBackend, initBackend, train, type Model, type TrainProgress } from '@cotlab/models';
import { EvaluatorError } from '../errors.js';

/** Model classes the theory experiments train: the paper's linear and MLP predictors. */
export const THEORY_MODELS = ['linear', 'mlp'] as const;
export type TheoryModel = (typeof THEORY_MODELS)[number];

/** Training recipe of one learning run. Defaults are cotlab's, not the paper's (its parity runs are not released). */
export interface LearnRecipe {
  model: TheoryModel;
  /** Embedding width d. */
  dim: number;
  /** Optimizer steps (the same step budget for every run of a grid). */
  steps: number;
  batchSize: number;
  lr: number;
  /** Wall-clock cap in seconds (0: none): training stops at a safe point and the model is scored as it is. */
  budgetSeconds: number;
  seed: number;
  /** Training inputs (distinct when the task can enumerate them, else sampled). */
  trainCount: number;
  /** Held-out inputs scored (the task's test split). */
  testCount: number;
}

/** Defaults of {@link LearnRecipe}: small enough for a CPU cell of a sweep. */
export const LEARN_DEFAULTS: Omit<LearnRecipe, 'model'> = { dim: 8, steps: 600, batchSize: 32, lr: 1e-2, budgetSeconds: 0, seed: 0, trainCount: 4096, testCount: 256 };

/** What one learning run measured. */
export interface LearnResult {
  /** Held-out exact match of the greedy continuation (CoT and answer): the experiments' accuracy. */
  testExact: number;
  /** Held-out accuracy of the answer tokens given the correct CoT (teacher-forced). */
  testAnswer: number;
  /** Exact match on training inputs (up to testCount of them). */
  trainExact: number;
  /** Inputs actually scored. */
  testScored: number;
  /** Generated tokens per example (CoT + answer) and the whole sequence length (longest). */
  cotLength: number;
  sequenceLength: number;
  steps: number;
  finalLoss: number;
  parameters: number;
  /** Seconds spent drawing and encoding data and building the model, training, and scoring. */
  prepareSeconds: number;
  trainSeconds: number;
  scoreSeconds: number;
  /** Whether the wall-clock budget cut training short. */
  budgetHit: boolean;
  backend: string;
}

export interface LearnOptions {
  /** Extra held-out tasks sharing the vocabulary (e.g. longer inputs), scored on their test split. */
  signal?: AbortSignal;
  onProgress?: (p: TrainProgress) => void;
}

/** Draws per wanted input when sampling distinct inputs. */
const SAMPLE_OVERDRAW = 4;

/** An encoded example to score: its ids, prompt length and answer length. */
export interface ScoredExample {
  ids: Int32Array;
  promptLength: number;
  answerLength: number;
}

function encodeAll<I>(task: Task<I>, inputs: Iterable<I>, vocab: readonly string[]): ScoredExample[] {
  const enc = createSymbolEncoder(vocab);
  const out: ScoredExample[] = [];
  for (const x of inputs) {
    const ex = task.example(x);
    const symbols = [...ex.prompt, ...ex.cot, ...ex.answer];
    const ids = new Int32Array(symbols.length);
    enc.encodeInto(symbols, ids, 0);
    out.push({ ids, promptLength: ex.prompt.length, answerLength: ex.answer.length });
  }
  return out;
}

function take<I>(task: Task<I>, split: 'train' | 'test', count: number, seed: number): I[] {
  const enumerable = task.inputCount !== undefined && task.inputs !== undefined && task.inputCount <= 2 ** 20;
  if (enumerable) return Array.from(datasetInputs(task, { split, order: 'shuffle', seed, count }), (r) => r.input);
  // sampled: distinct inputs only (small input spaces would otherwise repeat test inputs)
  const seen = new Set<string>();
  const inputs: I[] = [];
  for (const { input } of datasetInputs(task, { split, order: 'sample', seed, count: count * SAMPLE_OVERDRAW })) {
    const key = task.keyOf(input);
    if (seen.has(key)) continue;
    seen.add(key);
    inputs.push(input);
    if (inputs.length === count) break;
  }
  return inputs;
}

/** Sequences per `model.logits` call when scoring. */
const SCORE_BATCH = 64;

/**
 * Scores a model on examples in one teacher-forced pass per batch. `exact` is the greedy rollout's
 * exact match of the whole continuation (CoT and answer): greedy generation reproduces the target
 * iff the argmax (first maximum, as `generate` breaks ties) after every target prefix is the next
 * target token, so one forward pass decides it without generating. `answer` is the accuracy of
 * the answer tokens given the correct CoT (teacher-forced).
 *
 * @example scoreExamples(model, examples) // { exact: 0.98, answer: 1 }
 */
export function scoreExamples(model: Model, examples: readonly ScoredExample[], signal?: AbortSignal): { exact: number; answer: number } {
  if (examples.length === 0) return { exact: 0, answer: 0 };
  const V = model.config.vocabSize;
  let exact = 0;
  let answer = 0;
  for (let b = 0; b < examples.length; b += SCORE_BATCH) {
    signal?.throwIfAborted();
    const chunk = examples.slice(b, b + SCORE_BATCH);
    const logits = model.logits(chunk.map((e) => e.ids));
    chunk.forEach((e, k) => {
      const l = logits[k]!;
      let allRight = true;
      let answerRight = true;
      const answerStart = e.ids.length - e.answerLength;
      for (let i = e.promptLength - 1; i < e.ids.length - 1; i++) {
        let best = 0;
        for (let v = 1; v < V; v++) if (l[i * V + v]! > l[i * V + best]!) best = v;
        if (best !== e.ids[i + 1]) {
          allRight = false;
          if (i + 1 >= answerStart) answerRight = false;
        }
      }
      if (allRight) exact++;
      if (answerRight) answer++;
    });
  }
  return { exact: exact / examples.length, answer: answer / examples.length };
}

/**
 * Trains a linear or MLP predictor of `@cotlab/models` on a task's training split (loss on the
 * CoT and answer) and scores it on held-out inputs (greedy exact match, see {@link scoreExamples}). Optional held-out tasks
 * (same vocabulary, e.g. longer inputs) are scored too.
 *
 * @example
 * const r = await learnTask(createParityTask({ bits: 8, format: 'count-log' }), { ...LEARN_DEFAULTS, model: 'linear' });
 * r.testExact; // 1 when the linear predictor learned the O(log n) CoT
 */
export async function learnTask<I>(task: Task<I>, recipe: LearnRecipe, options: LearnOptions & { extraTests?: readonly Task<I>[] } = {}): Promise<LearnResult & { extra: { exact: number; answer: number; scored: number }[] }> {
  for (const k of ['dim', 'steps', 'batchSize', 'trainCount', 'testCount'] as const) {
    if (!(Number.isSafeInteger(recipe[k]) && recipe[k] >= 1)) throw new EvaluatorError(`recipe.${k}`, 'an integer ≥ 1', recipe[k]);
  }
  if (!(recipe.lr > 0 && Number.isFinite(recipe.lr))) throw new EvaluatorError('recipe.lr', 'a finite number > 0', recipe.lr);
  if (!(recipe.budgetSeconds >= 0)) throw new EvaluatorError('recipe.budgetSeconds', 'a number ≥ 0', recipe.budgetSeconds);
  if (!(THEORY_MODELS as readonly string[]).includes(recipe.model)) throw new EvaluatorError('recipe.model', THEORY_MODELS.join(' or '), recipe.model);
  const vocab = task.vocabulary();
  for (const t of options.extraTests ?? []) {
    if (t.vocabulary().join(' ') !== vocab.join(' ')) throw new EvaluatorError('extraTests', "tasks with the training task's vocabulary", t.vocabulary().length);
  }
  if (currentBackend() === undefined) await initBackend();
  const tPrep = performance.now();
  const trainSet = encodeAll(task, take(task, 'train', recipe.trainCount, recipe.seed), vocab);
  const testSet = encodeAll(task, take(task, 'test', recipe.testCount, recipe.seed + 1), vocab);
  const extraSets = (options.extraTests ?? []).map((t) => encodeAll(t, take(t, 'test', recipe.testCount, recipe.seed + 2), vocab));
  if (trainSet.length === 0) throw new EvaluatorError('task', 'a task with training inputs', 'an empty training split');
  const all = [...trainSet, ...testSet, ...extraSets.flat()];
  const contextLength = Math.max(...all.map((e) => e.ids.length));
  const model = createModel({ kind: recipe.model, vocabSize: vocab.length, contextLength, dim: recipe.dim }, { seed: recipe.seed });
  const prepareSeconds = (performance.now() - tPrep) / 1000;
  try {
    // The budget is checked after every optimizer step (a timer could not fire while training
    // keeps the event loop busy); training then stops at its next safe point.
    const budget = new AbortController();
    const onOuterAbort = (): void => budget.abort();
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const data = trainSet.map((e) => ({ ids: e.ids, lossMask: makeLossMask(e.ids.length, e.promptLength, 'cot-answer') }));
    const t0 = performance.now();
    const deadline = recipe.budgetSeconds > 0 ? t0 + recipe.budgetSeconds * 1000 : Infinity;
    let result;
    try {
      result = await train(model, data, {
        steps: recipe.steps, batchSize: recipe.batchSize, lr: recipe.lr, seed: recipe.seed, weightDecay: 0, signal: budget.signal,
        onProgress: (p) => {
          if (performance.now() > deadline) budget.abort();
          options.onProgress?.(p);
        },
      });
    } finally {
      options.signal?.removeEventListener('abort', onOuterAbort);
    }
    options.signal?.throwIfAborted();
    const trainSeconds = (performance.now() - t0) / 1000;
    const tScore = performance.now();
    const test = scoreExamples(model, testSet, options.signal);
    const trainScore = scoreExamples(model, trainSet.slice(0, recipe.testCount), options.signal);
    const extra = extraSets.map((set) => ({ ...scoreExamples(model, set, options.signal), scored: set.length }));
    const scoreSeconds = (performance.now() - tScore) / 1000;
    return {
      prepareSeconds,
      scoreSeconds,
      testExact: test.exact,
      testAnswer: test.answer,
      trainExact: trainScore.exact,
      testScored: testSet.length,
      cotLength: Math.max(...trainSet.map((e) => e.ids.length - e.promptLength)),
      sequenceLength: contextLength,
      steps: result.steps,
      finalLoss: result.finalLoss,
      parameters: model.parameterCount(),
      trainSeconds,
      budgetHit: result.stopped === 'aborted',
      backend: result.backend,
      extra,
    };
  } finally {
    model.dispose();
  }
}
