// A benchmark's worker thread: its own backend and model, running the one-worker training step
// (gradients of the whole batch, then AdamW) on request. Two of them at once measure what two
// cores give two independent trainings, in the same seconds as the steps they are compared with.
import { parentPort, workerData } from 'node:worker_threads';
import { AdamW } from '../src/adamw.js';
import { initBackend } from '../src/backend.js';
import { gradientsInChunks, type TokenSequenceLike } from '../src/batch.js';
import { microBatchSize, type ModelConfig } from '../src/config.js';
import { createModel } from '../src/create-model.js';

export interface StepWorkerInit {
  config: ModelConfig;
  sequences: TokenSequenceLike[];
}

const { config, sequences } = workerData as StepWorkerInit;
await initBackend('wasm');
const model = createModel(config, { seed: 1 });
const optimizer = new AdamW(model, { weightDecay: 0.1, gradClip: 1 });
const into = optimizer.gradientBuffers();
const chunk = microBatchSize(model.config, sequences.length);
parentPort!.on('message', () => {
  const t0 = performance.now();
  const r = gradientsInChunks(model, sequences, chunk, into);
  optimizer.step(into, 1 / r.tokens, 1e-3);
  parentPort!.postMessage(performance.now() - t0);
});
parentPort!.postMessage('ready');
