import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GradientArrays } from '../adamw.js';
import type { TokenSequenceLike } from '../batch.js';
import type { Model } from '../model.js';
import { copyOrAdd } from '../tensor-view.js';
import type { StepReply, StepRequest, WorkerInit } from './worker-protocol.js';

/** Where each variable lives in the shared parameter and gradient buffers. */
interface Slot {
  name: string;
  offset: number;
  size: number;
  shape: number[];
}

export interface ParallelTrainer {
  /** The weights the workers read, by variable name: views of shared memory (give them to AdamW as `storage`). */
  readonly params: ReadonlyMap<string, Float32Array>;
  /**
   * Summed loss and gradients of `sequences`, split across the workers, written into `into` (by
   * default an array set the trainer owns and reuses; `add`: added to what `into` holds).
   */
  gradients(sequences: readonly TokenSequenceLike[], into?: GradientArrays, add?: boolean): Promise<{ loss: number; grads: GradientArrays }>;
  close(): Promise<void>;
}

/**
 * Starts a worker: the built `worker.js` next to this file or, when this package runs from its
 * TypeScript sources (tests, `tsx`), `worker.ts` after registering the `tsx` loader (a
 * devDependency of the repository) inside the worker.
 */
function startWorker(workerData: WorkerInit): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData });
  // the ESM entry of tsx's API where this runtime resolves ESM (plain Node, tsx); else the CommonJS one (vitest)
  const resolveEsm = (import.meta as { resolve?: (s: string) => string }).resolve;
  const tsxApi = typeof resolveEsm === 'function' ? resolveEsm('tsx/esm/api') : pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const script = new URL('./worker.ts', import.meta.url).href;
  // a worker inherits the parent's loaders when the parent runs under tsx; otherwise register tsx
  const bootstrap =
    `import(${JSON.stringify(script)}).catch((error) => { if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error; ` +
    `return import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(`${script}?tsx`)}); }); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * Starts `count` worker threads, each with its own backend and a replica of `model`'s
 * architecture. The weights live in shared memory (`params`, filled from the model now; the
 * optimizer updates them in place). Every call to `gradients` gives each worker a contiguous share
 * of the batch and sums the gradients they leave in shared buffers: the same sum one worker would
 * compute, up to floating-point order.
 *
 * @example const trainer = await createParallelTrainer(model, 2, 'wasm');
 */
export async function createParallelTrainer(model: Model, count: number, backend: string): Promise<ParallelTrainer> {
  const slots: Slot[] = [];
  let total = 0;
  for (const [name, v] of model.variables) {
    slots.push({ name, offset: total, size: v.size, shape: [...v.shape] });
    total += v.size;
  }
  const paramsBuffer = new SharedArrayBuffer(total * 4);
  const params = new Map<string, Float32Array>();
  for (const s of slots) {
    const view = new Float32Array(paramsBuffer, s.offset * 4, s.size);
    view.set(model.variables.get(s.name)!.dataSync());
    params.set(s.name, view);
  }
  const own: GradientArrays = new Map(slots.map((s) => [s.name, new Float32Array(s.size)]));
  const gradBuffers = Array.from({ length: count }, () => new SharedArrayBuffer(total * 4));
  const workers = gradBuffers.map((gradBuffer) => startWorker({ config: model.config, backend, slots, paramsBuffer, gradBuffer }));
  const pending = new Map<Worker, { resolve: (r: StepReply) => void; reject: (e: unknown) => void }>();
  const ready = workers.map(
    (w) =>
      new Promise<void>((resolve, reject) => {
        w.once('message', (m: StepReply) => (m.type === 'ready' ? resolve() : reject(new Error(`models: worker failed to start: ${m.type === 'error' ? m.message : m.type}`))));
        w.once('error', reject);
      }),
  );
  await Promise.all(ready).catch(async (error: unknown) => {
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  });
  for (const w of workers) {
    w.on('message', (m: StepReply) => {
      const p = pending.get(w);
      pending.delete(w);
      if (m.type === 'error') p?.reject(new Error(`models: worker: ${m.message}`));
      else p?.resolve(m);
    });
    w.on('error', (e) => {
      pending.get(w)?.reject(e);
      pending.delete(w);
    });
  }

  return {
    params,
    async gradients(sequences, into, add = false) {
      const share = Math.ceil(sequences.length / count);
      const parts = workers.map((_, k) => sequences.slice(k * share, (k + 1) * share));
      const replies = await Promise.all(
        workers.map((w, k) => {
          const part = parts[k]!;
          if (part.length === 0) return Promise.resolve<StepReply>({ type: 'done', loss: 0, empty: true });
          const request: StepRequest = {
            type: 'step',
            sequences: part.map((s) => ({ ids: Int32Array.from(s.ids), ...(s.lossMask === undefined ? {} : { lossMask: Uint8Array.from(s.lossMask) }) })),
          };
          return new Promise<StepReply>((resolve, reject) => {
            pending.set(w, { resolve, reject });
            w.postMessage(request);
          });
        }),
      );
      let loss = 0;
      const grads = into ?? own;
      let filled = add;
      for (const [k, r] of replies.entries()) {
        if (r.type !== 'done' || r.empty === true) continue;
        loss += r.loss;
        const g = new Float32Array(gradBuffers[k]!);
        for (const s of slots) copyOrAdd(grads.get(s.name)!, g.subarray(s.offset, s.offset + s.size), filled);
        filled = true;
      }
      if (!filled) for (const a of grads.values()) a.fill(0);
      return { loss, grads };
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Worker threads by default: one per core. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}
