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
import { sharedLayout, type Slot, type StepReply, type StepRequest, type WorkerInit } from './worker-protocol.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const reply = (m: StepReply): void => port.postMessage(m);

const [params, m, v, ...allGrads] = viewsOnMemory(init.memory, sharedLayout(init.total, init.workers)) as [Float32Array, Float32Array, Float32Array, ...Float32Array[]];
const grads = allGrads[init.index]!;
// the gradients are summed straight into the shared buffer, only of the variables this worker's
// share reads (the others' gradients are zero, never written nor summed): no per-step arrays
const gradViews = new Map(init.slots.filter((s) => s.writers.includes(init.index)).map((s) => [s.name, grads.subarray(s.offset, s.offset + s.size)]));

/** The slots overlapping [from, to), each with its overlap. */
function overlaps(from: number, to: number): { slot: Slot; from: number; to: number }[] {
  return init.slots.map((slot) => ({ slot, from: Math.max(from, slot.offset), to: Math.min(to, slot.offset + slot.size) })).filter((o) => o.from < o.to);
}

/** The gradient of a slot's elements summed over its writers: in its first writer's buffer (after `reduce`). */
const summedOf = (slot: Slot): Float32Array => allGrads[slot.writers[0]!]!;

/** Σ over a slot's writers of their gradients, for the elements in [from, to); returns Σ g². */
function reduce(from: number, to: number): number {
  let sq = 0;
  for (const o of overlaps(from, to)) {
    const sum = summedOf(o.slot);
    for (const w of o.slot.writers.slice(1)) addInto(sum, allGrads[w]!, o.from, o.to);
    sq += sumOfSquares(sum, o.from, o.to);
  }
  return sq;
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
    const start = performance.now();
    const elapsed = (): number => performance.now() - start;
    try {
      if (request.type === 'reduce') {
        reply({ type: 'reduced', sumOfSquares: reduce(request.from, request.to), ms: elapsed() });
        return;
      }
      if (request.type === 'update') {
        // slot by slot: each with its own decay and its own summed gradient
        for (const o of overlaps(request.from, request.to)) {
          adamwUpdate(params, summedOf(o.slot), m, v, o.from, o.to, request.coefficients, o.slot.decays ? request.decayFactor : 1);
        }
        stale = true;
        reply({ type: 'updated', ms: elapsed() });
        return;
      }
      if (request.sequences.length === 0) {
        if (!request.add) for (const g of gradViews.values()) g.fill(0);
        reply({ type: 'done', loss: 0, ms: elapsed(), refreshMs: 0 });
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
      const refreshMs = elapsed();
      const chunk = init.backend === 'wasm' ? microBatchSize(model.config, request.sequences.length) : request.sequences.length;
      const r = gradientsInChunks(model, request.sequences, chunk, gradViews, request.add, init.blocks);
      reply({ type: 'done', loss: r.loss, ms: elapsed(), refreshMs });
    } catch (error) {
      reply({ type: 'error', message: (error as Error).message });
    }
  });
  reply({ type: 'ready' });
} catch (error) {
  reply({ type: 'error', message: (error as Error).message });
}
