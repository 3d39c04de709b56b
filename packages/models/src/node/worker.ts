// A data-parallel training worker: its own backend and model replica; gradients into shared
// memory; and, for its share of the parameters, the gradient sum across workers and AdamW.
import { parentPort, workerData } from 'node:worker_threads';
import { adamwUpdate } from '../adamw.js';
import { initBackend, type BackendName } from '../backend.js';
import { microBatchSize } from '../config.js';
import { gradientsInChunks } from '../batch.js';
import { createModel } from '../create-model.js';
import { addInto, sumOfSquares, viewsOnMemory } from '../simd/kernels.js';
import { tf } from '../tf.js';
import { sharedLayout, type StepReply, type StepRequest, type WorkerInit } from './worker-protocol.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const reply = (m: StepReply): void => port.postMessage(m);

const [params, m, v, ...allGrads] = viewsOnMemory(init.memory, sharedLayout(init.total, init.workers)) as [Float32Array, Float32Array, Float32Array, ...Float32Array[]];
const grads = allGrads[init.index]!;
const summed = allGrads[0]!;
// the gradients are summed straight into the shared buffer: no per-step arrays
const gradViews = new Map(init.slots.map((s) => [s.name, grads.subarray(s.offset, s.offset + s.size)]));

/** Σ over workers of the gradients in [from, to), written to the first buffer; returns Σ g². */
function reduce(from: number, to: number): number {
  for (const other of allGrads.slice(1)) addInto(summed, other, from, to);
  return sumOfSquares(summed, from, to);
}

try {
  await initBackend(init.backend as BackendName);
  const model = createModel(init.config, { seed: 0 });
  // the replica's variables are refreshed from shared memory only after an update, and only
  // those its share of the loss reads (a worker with some position blocks skips the others' slabs)
  const read = init.blocks === undefined ? undefined : model.variablesRead?.(init.blocks);
  const refreshed = init.slots.filter((s) => read === undefined || read.has(s.name));
  let stale = true;
  port.on('message', (request: StepRequest) => {
    try {
      if (request.type === 'reduce') {
        reply({ type: 'reduced', sumOfSquares: reduce(request.from, request.to) });
        return;
      }
      if (request.type === 'update') {
        // the slots that overlap [from, to), each with its own decay
        for (const s of init.slots) {
          const from = Math.max(request.from, s.offset);
          const to = Math.min(request.to, s.offset + s.size);
          if (from < to) adamwUpdate(params, summed, m, v, from, to, request.coefficients, s.decays ? request.decayFactor : 1);
        }
        stale = true;
        reply({ type: 'updated' });
        return;
      }
      if (request.sequences.length === 0) {
        if (!request.add) grads.fill(0);
        reply({ type: 'done', loss: 0 });
        return;
      }
      if (stale) {
        for (const s of refreshed) {
          const t = tf.tensor(params.subarray(s.offset, s.offset + s.size), s.shape);
          model.variables.get(s.name)!.assign(t);
          t.dispose();
        }
        stale = false;
      }
      const chunk = init.backend === 'wasm' ? microBatchSize(model.config, request.sequences.length) : request.sequences.length;
      const r = gradientsInChunks(model, request.sequences, chunk, gradViews, request.add, init.blocks);
      reply({ type: 'done', loss: r.loss });
    } catch (error) {
      reply({ type: 'error', message: (error as Error).message });
    }
  });
  reply({ type: 'ready' });
} catch (error) {
  reply({ type: 'error', message: (error as Error).message });
}
