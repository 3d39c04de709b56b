import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { shuffled, type DemoTask } from './demo-task.js';
import { LinearPredictor } from './linear-predictor.js';

/**
 * The demo's training recipe, tuned once on this task: the loss reaches ~0.003 and held-out exact
 * match 100% in a few hundred steps (≈ 15 s on one shared core under WebAssembly).
 */
export const DEMO_RECIPE = {
  /** Embedding width d. */
  dim: 8,
  steps: 300,
  batchSize: 64,
  /** Adam's learning rate (no decay, no warm-up: the demo is short). */
  lr: 0.01,
  seed: 1,
  /** Held-out inputs scored after training (a seeded sample of the test split). */
  evalInputs: 2000,
} as const;

/** Training steps between yields to the page, so the loss curve draws while it trains. */
const STEPS_PER_YIELD = 5;

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
  stopped?: 'aborted';
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

const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Picks the TensorFlow.js backend for the demo: WebAssembly (its `.wasm` files served from
 * `wasmPaths`, e.g. `/tfjs/`), else plain JavaScript. Returns the backend in use.
 *
 * @example
 * ```ts
 * await initDemoBackend('/tfjs/'); // 'wasm'
 * ```
 */
export async function initDemoBackend(wasmPaths?: string): Promise<string> {
  if (wasmPaths !== undefined) setWasmPaths(wasmPaths);
  try {
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      return tf.getBackend();
    }
  } catch {
    // No WebAssembly here: fall through to plain JavaScript.
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return tf.getBackend();
}

/**
 * A linear predictor sized for a demo task: T = the task's sequence length, V its vocabulary.
 *
 * @example
 * ```ts
 * const model = createDemoPredictor(parityCountLogTask(16));
 * ```
 */
export function createDemoPredictor(task: DemoTask, dim: number = DEMO_RECIPE.dim, seed: number = DEMO_RECIPE.seed): LinearPredictor {
  return new LinearPredictor({ vocabSize: task.vocabulary.length, contextLength: task.length, dim, seed });
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
 * Trains the predictor on the task's train split (a seeded shuffle, cycled), reporting every
 * step's loss, yielding to the page every few steps, and stopping at a step boundary when the
 * signal aborts.
 *
 * @example
 * ```ts
 * const result = await trainDemo(model, task, { onProgress: (p) => console.log(p.step, p.loss) });
 * ```
 */
export async function trainDemo(model: LinearPredictor, task: DemoTask, options: DemoTrainOptions = {}): Promise<DemoTrainResult> {
  const { steps = DEMO_RECIPE.steps, batchSize = DEMO_RECIPE.batchSize, lr = DEMO_RECIPE.lr, seed = DEMO_RECIPE.seed, signal, onProgress } = options;
  const order = shuffled(task.trainInputs, seed);
  const losses: number[] = [];
  const start = now();
  let cursor = 0;
  for (let step = 1; step <= steps; step++) {
    if (signal?.aborted) return { steps: step - 1, losses, elapsedSeconds: (now() - start) / 1000, stopped: 'aborted' };
    const batch = [];
    for (let b = 0; b < batchSize; b++) {
      batch.push(encodeExample(task, order[cursor]!));
      cursor = (cursor + 1) % order.length;
    }
    const loss = model.trainStep(batch, lr);
    losses.push(loss);
    onProgress?.({ step, steps, loss, elapsedSeconds: (now() - start) / 1000 });
    if (step % STEPS_PER_YIELD === 0) await nextTask();
  }
  return { steps, losses, elapsedSeconds: (now() - start) / 1000 };
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
export function answerDemo(model: LinearPredictor, task: DemoTask, inputs: readonly string[]): DemoAnswer[] {
  if (inputs.length === 0) return [];
  const newTokens = task.length - task.promptLength;
  const prompts = inputs.map((input) => encodeExample(task, input).ids.slice(0, task.promptLength));
  const outputs = model.greedy(prompts, newTokens);
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
export function evaluateDemo(model: LinearPredictor, task: DemoTask, count: number = DEMO_RECIPE.evalInputs, seed = DEMO_RECIPE.seed + 1): { exactMatch: number; correct: number; total: number } {
  const inputs = shuffled(task.testInputs, seed).slice(0, count);
  const answers = answerDemo(model, task, inputs);
  const correct = answers.filter((a) => a.correct).length;
  return { exactMatch: answers.length === 0 ? 0 : correct / answers.length, correct, total: answers.length };
}
