import { createModel, generate, initBackend, train, type Model } from '@cotlab/models';
// Kept for its side effects: @cotlab/models declares `sideEffects: false`, and when the browser
// bundle reaches TensorFlow.js only through it, the bundler drops the registration of the
// chained tensor methods (`t.reshape(…)`) that the models package calls.
import '@tensorflow/tfjs';
import { shuffled, type DemoTask } from './demo-task.js';

/**
 * The demo's training recipe, tuned once on this task: with `@cotlab/models`' linear predictor
 * the loss falls to ~0.02 and held-out exact match reaches 100% in 300 steps (≈ 10 s on one
 * shared core under WebAssembly in Node; about as fast in Chromium).
 */
export const DEMO_RECIPE = {
  /** Embedding width d. */
  dim: 8,
  steps: 300,
  batchSize: 64,
  /** Peak learning rate (AdamW, short warm-up, then the models package's linear decay). */
  lr: 0.01,
  warmupSteps: 10,
  /** No weight decay: the demo is short and the task is realisable. */
  weightDecay: 0,
  seed: 1,
  /** Held-out inputs scored after training (a seeded sample of the test split). */
  evalInputs: 2000,
} as const;

/** Training sequences between yields to the page (one batch), so the loss curve draws while it trains. */
const SEQUENCES_PER_YIELD = DEMO_RECIPE.batchSize;

export interface DemoProgress {
  step: number;
  steps: number;
  loss: number;
  elapsedSeconds: number;
}

export interface DemoTrainOptions {
  steps?: number;
  batchSize?: number;
  lr?: number;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (p: DemoProgress) => void;
}

export interface DemoTrainResult {
  steps: number;
  losses: number[];
  elapsedSeconds: number;
  backend: string;
  stopped?: 'aborted' | 'data-exhausted';
}

/** What the model wrote for one input, next to the right CoT and answer. */
export interface DemoAnswer {
  input: string;
  cot: string[];
  answer: string[] | undefined;
  expectedCot: string[];
  expectedAnswer: string[];
  correct: boolean;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Picks the TensorFlow.js backend through `@cotlab/models`' `initBackend` (the one place that
 * decides): WebAssembly, its `.wasm` files served from `wasmPaths` (e.g. `/tfjs/`), else plain
 * JavaScript. Returns the backend in use.
 *
 * @example
 * ```ts
 * await initDemoBackend('/tfjs/'); // 'wasm'
 * ```
 */
export async function initDemoBackend(wasmPaths?: string): Promise<string> {
  try {
    return await initBackend('wasm', wasmPaths === undefined ? {} : { wasmPaths });
  } catch {
    return initBackend('cpu');
  }
}

/**
 * The paper's linear predictor from `@cotlab/models`, sized for a demo task: T = the task's
 * sequence length, V its vocabulary.
 *
 * @example
 * ```ts
 * const model = createDemoPredictor(parityCountLogTask(16));
 * ```
 */
export function createDemoPredictor(task: DemoTask, dim: number = DEMO_RECIPE.dim, seed: number = DEMO_RECIPE.seed): Model {
  return createModel({ kind: 'linear', vocabSize: task.vocabulary.length, contextLength: task.length, dim }, { seed });
}

/** The ids of an example's full sequence and its loss mask (train on the CoT and the answer). */
export function encodeExample(task: DemoTask, input: string): { ids: Int32Array; lossMask: Uint8Array } {
  const ex = task.example(input);
  const symbols = [...ex.prompt, ...ex.cot, ...ex.answer];
  const ids = Int32Array.from(symbols, (s) => {
    const id = task.vocabulary.indexOf(s);
    if (id < 0) throw new Error(`training demo: symbol '${s}' of input ${input} is not in the task's vocabulary`);
    return id;
  });
  const lossMask = new Uint8Array(ids.length);
  lossMask.fill(1, ex.prompt.length);
  return { ids, lossMask };
}

/**
 * Trains the predictor with `@cotlab/models`' `train` on the task's train split (a seeded shuffle,
 * cycled), reporting every step's loss, yielding to the page after every batch, and stopping at a
 * step boundary when the signal aborts.
 *
 * @example
 * ```ts
 * const result = await trainDemo(model, task, { onProgress: (p) => console.log(p.step, p.loss) });
 * ```
 */
export async function trainDemo(model: Model, task: DemoTask, options: DemoTrainOptions = {}): Promise<DemoTrainResult> {
  const { steps = DEMO_RECIPE.steps, batchSize = DEMO_RECIPE.batchSize, lr = DEMO_RECIPE.lr, seed = DEMO_RECIPE.seed, signal, onProgress } = options;
  const order = shuffled(task.trainInputs, seed);
  async function* sequences(): AsyncGenerator<{ ids: Int32Array; lossMask: Uint8Array }> {
    for (let i = 0; ; i++) {
      if (i > 0 && i % SEQUENCES_PER_YIELD === 0) await nextTask();
      yield encodeExample(task, order[i % order.length]!);
    }
  }
  const result = await train(model, sequences(), {
    steps,
    batchSize,
    lr,
    warmupSteps: Math.min(DEMO_RECIPE.warmupSteps, steps),
    weightDecay: DEMO_RECIPE.weightDecay,
    seed,
    ...(signal === undefined ? {} : { signal }),
    onProgress: (p) => onProgress?.({ step: p.step, steps: p.steps, loss: p.loss, elapsedSeconds: p.elapsedSeconds }),
  });
  return {
    steps: result.steps,
    losses: result.losses,
    elapsedSeconds: result.elapsedSeconds,
    backend: result.backend,
    ...(result.stopped === undefined ? {} : { stopped: result.stopped }),
  };
}

/**
 * Greedy rollouts from each input's prompt, scored by the task's own `answerOf` against the
 * right answer; also checks the CoT.
 *
 * @example
 * ```ts
 * const [a] = answerDemo(model, task, ['1101000011110000']);
 * a.answer; // ['0']
 * ```
 */
export function answerDemo(model: Model, task: DemoTask, inputs: readonly string[]): DemoAnswer[] {
  if (inputs.length === 0) return [];
  const newTokens = task.length - task.promptLength;
  const prompts = inputs.map((input) => encodeExample(task, input).ids.slice(0, task.promptLength));
  const outputs = generate(model, prompts, { maxNewTokens: newTokens });
  return inputs.map((input, i) => {
    const ex = task.example(input);
    const continuation = Array.from(outputs[i]!, (id) => task.vocabulary[id] ?? '[UNK]');
    const answer = task.answerOf(continuation);
    const cot = continuation.slice(0, ex.cot.length);
    return { input, cot, answer, expectedCot: ex.cot, expectedAnswer: ex.answer, correct: answer !== undefined && answer.join(' ') === ex.answer.join(' ') && cot.join(' ') === ex.cot.join(' ') };
  });
}

/**
 * Exact match (CoT and answer both right) on a seeded sample of held-out inputs.
 *
 * @example
 * ```ts
 * evaluateDemo(model, task, 2000).exactMatch; // e.g. 1
 * ```
 */
export function evaluateDemo(model: Model, task: DemoTask, count: number = DEMO_RECIPE.evalInputs, seed = DEMO_RECIPE.seed + 1): { exactMatch: number; correct: number; total: number } {
  const inputs = shuffled(task.testInputs, seed).slice(0, count);
  const answers = answerDemo(model, task, inputs);
  const correct = answers.filter((a) => a.correct).length;
  return { exactMatch: answers.length === 0 ? 0 : correct / answers.length, correct, total: answers.length };
}
