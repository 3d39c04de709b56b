// A benchmark's worker thread: its own backend and model, running the one-worker training step
// (gradients of the whole batch, then AdamW) on request. Two of them at once measure what two
// cores give two independent trainings, in the same seconds as the steps they are compared with.
import { parentPort, workerData } from 'node:worker_threads';
import { initBackend } from '../src/backend.js';
import type { TokenSequenceLike } from '../src/batch.js';
import type { ModelConfig } from '../src/config.js';
import { createModel } from '../src/create-model.js';
import { oneWorkerStep } from './one-worker-step.js';

export interface StepWorkerInit {
  config: ModelConfig;
  sequences: TokenSequenceLike[];
}

const { config, sequences } = workerData as StepWorkerInit;
await initBackend('wasm');
const step = oneWorkerStep(createModel(config, { seed: 1 }), sequences);
parentPort!.on('message', () => {
  const t0 = performance.now();
  step();
  parentPort!.postMessage(performance.now() - t0);
});
parentPort!.postMessage('ready');
