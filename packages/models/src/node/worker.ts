// A data-parallel training worker: its own backend and model replica; gradients into shared memory.
import { parentPort, workerData } from 'node:worker_threads';
import { initBackend, type BackendName } from '../backend.js';
import { microBatchSize } from '../config.js';
import { gradientsInChunks } from '../batch.js';
import { createModel } from '../create-model.js';
import { tf } from '../tf.js';
import type { StepReply, StepRequest, WorkerInit } from './worker-protocol.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const reply = (m: StepReply): void => port.postMessage(m);

try {
  await initBackend(init.backend as BackendName);
  const model = createModel(init.config, { seed: 0 });
  const params = new Float32Array(init.paramsBuffer);
  const grads = new Float32Array(init.gradBuffer);
  // the gradients are summed straight into the shared buffer: no per-step arrays
  const gradViews = new Map(init.slots.map((s) => [s.name, grads.subarray(s.offset, s.offset + s.size)]));
  port.on('message', (request: StepRequest) => {
    try {
      for (const s of init.slots) {
        const t = tf.tensor(params.subarray(s.offset, s.offset + s.size), s.shape);
        model.variables.get(s.name)!.assign(t);
        t.dispose();
      }
      const chunk = init.backend === 'wasm' ? microBatchSize(model.config, request.sequences.length) : request.sequences.length;
      const r = gradientsInChunks(model, request.sequences, chunk, gradViews);
      reply({ type: 'done', loss: r.loss });
    } catch (error) {
      reply({ type: 'error', message: (error as Error).message });
    }
  });
  reply({ type: 'ready' });
} catch (error) {
  reply({ type: 'error', message: (error as Error).message });
}
