import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { AdamW, AdamWOptions } from '../adamw.js';
import type { TokenSequenceLike } from '../batch.js';
import type { Model } from '../model.js';
import { positionShares } from '../position-shares.js';
import { kernelArrays } from '../simd/kernels.js';
import { startWorker } from './start-worker.js';
import { sharedLayout, type Slot, type StepReply, type StepRequest, type WorkerInit } from './worker-protocol.js';

export interface ParallelTrainer {
  /**
   * The AdamW options that put its weights and moments in the workers' shared memory, and leave the
   * model's variables stale until `syncModel` (only the workers need the weights each step):
   * `new AdamW(model, { ...hyperParameters, ...trainer.optimizerStorage })`.
   */
  readonly optimizerStorage: Required<Pick<AdamWOptions, 'storage' | 'momentStorage' | 'deferUpload'>>;
  /**
   * Summed loss of `sequences`, split across the workers; each keeps its gradients (`add`: added
   * to those of the previous call, for gradient accumulation) until {@link ParallelTrainer.step}.
   */
  gradients(sequences: readonly TokenSequenceLike[], add?: boolean): Promise<{ loss: number }>;
  /**
   * One AdamW step from the gradients the workers hold, each worker summing and updating its
   * share of the parameters; `optimizer` counts the step and supplies the coefficients. Returns
   * the gradient norm before clipping.
   */
  step(optimizer: AdamW, scale: number, lr: number): Promise<number>;
  /** Where each worker's time went in the last completed {@link ParallelTrainer.step} (its gradient calls included). */
  lastStepTimings(): readonly WorkerTimings[];
  close(): Promise<void>;
}

/** One worker's time (ms, measured in the worker) on one optimizer step, by phase. */
export interface WorkerTimings {
  /** Uploading the updated weights its share reads into its backend. */
  refreshMs: number;
  /** Its share's loss and gradients, written to shared memory. */
  gradientsMs: number;
  /** Summing gradients over its share of the parameters, and Σ g². */
  reduceMs: number;
  /** AdamW on its share of the parameters. */
  updateMs: number;
}

/**
 * Starts `count` worker threads, each with its own backend and a replica of `model`'s
 * architecture. The weights (filled from the model now) and AdamW's moments live in shared
 * memory (`optimizerStorage`). `gradients` gives each worker a share of the batch's loss — for the
 * paper's linear/mlp models the targets at some position blocks of every sequence (see
 * `positionShares`), else a contiguous share of the sequences — whose gradients it leaves in its
 * own shared buffer; `step` has worker k sum the buffers over its k-th share of the parameters
 * (only where several workers' shares read a variable) and update that share: the same step one
 * thread would take, up to floating-point order, with no serial pass over the parameters on the
 * calling thread.
 *
 * @example const trainer = await createParallelTrainer(model, 2, 'wasm');
 */
export async function createParallelTrainer(model: Model, count: number, backend: string): Promise<ParallelTrainer> {
  const byPosition = positionShares(model, count);
  const everyWorker = Array.from({ length: count }, (_, k) => k);
  // which workers' shares read a variable (a share's gradient of anything else is zero)
  const reads = byPosition?.map((blocks) => model.variablesRead?.(blocks));
  const writersOf = (name: string): number[] => {
    const writers = reads === undefined ? everyWorker : everyWorker.filter((k) => reads[k]?.has(name) ?? true);
    return writers.length > 0 ? writers : [0];
  };
  const slots: Slot[] = [];
  let total = 0;
  for (const [name, v] of model.variables) {
    slots.push({ name, offset: total, size: v.size, shape: [...v.shape], decays: model.decays(name), writers: writersOf(name) });
    total += v.size;
  }
  // weights, moments and every worker's gradients in one shared memory, where the optimizer's
  // passes run in WebAssembly SIMD in whichever thread makes them
  const { arrays, memory } = kernelArrays(sharedLayout(total, count), true);
  if (memory === undefined) throw new Error('models: data-parallel training needs WebAssembly shared memory');
  const [paramsAll, mAll, vAll] = arrays as [Float32Array, Float32Array, Float32Array];
  const views = (all: Float32Array): Map<string, Float32Array> => new Map(slots.map((s) => [s.name, all.subarray(s.offset, s.offset + s.size)]));
  const params = views(paramsAll);
  for (const s of slots) params.get(s.name)!.set(model.variables.get(s.name)!.dataSync());
  // worker k sums and updates elements [shares[k], shares[k + 1])
  const shares = Array.from({ length: count + 1 }, (_, k) => Math.round((k * total) / count));
  const workers = Array.from({ length: count }, (_, index) =>
    startWorker(new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url), {
      config: model.config,
      backend,
      slots,
      memory,
      total,
      workers: count,
      index,
      ...(byPosition === undefined ? {} : { blocks: byPosition[index]! }),
    } satisfies WorkerInit),
  );
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
  /** Sends one request to every worker and waits for all replies. */
  const all = (request: (k: number) => StepRequest): Promise<StepReply[]> =>
    Promise.all(
      workers.map(
        (w, k) =>
          new Promise<StepReply>((resolve, reject) => {
            pending.set(w, { resolve, reject });
            w.postMessage(request(k));
          }),
      ),
    );

  const noTimings = (): WorkerTimings[] => workers.map(() => ({ refreshMs: 0, gradientsMs: 0, reduceMs: 0, updateMs: 0 }));
  let timings = noTimings();
  let lastTimings: readonly WorkerTimings[] = noTimings();

  return {
    optimizerStorage: { storage: params, momentStorage: { m: views(mAll), v: views(vAll) }, deferUpload: true },
    async gradients(sequences, add = false) {
      // split by position blocks, every worker reads every sequence; else each takes a share of them
      const share = byPosition === undefined ? Math.ceil(sequences.length / count) : sequences.length;
      const copies = sequences.map((s) => ({ ids: Int32Array.from(s.ids), ...(s.lossMask === undefined ? {} : { lossMask: Uint8Array.from(s.lossMask) }) }));
      const replies = await all((k) => ({ type: 'step', add, sequences: byPosition === undefined ? copies.slice(k * share, (k + 1) * share) : copies }));
      let loss = 0;
      for (const [k, r] of replies.entries()) {
        if (r.type !== 'done') continue;
        loss += r.loss;
        timings[k]!.refreshMs += r.refreshMs;
        timings[k]!.gradientsMs += r.ms - r.refreshMs;
      }
      return { loss };
    },
    async step(optimizer, scale, lr) {
      const reduced = await all((k) => ({ type: 'reduce', from: shares[k]!, to: shares[k + 1]! }));
      let sumOfSquares = 0;
      for (const [k, r] of reduced.entries()) {
        if (r.type !== 'reduced') continue;
        sumOfSquares += r.sumOfSquares;
        timings[k]!.reduceMs += r.ms;
      }
      const { coefficients, decayFactor, gradNorm } = optimizer.begin(scale, lr, sumOfSquares);
      const updated = await all((k) => ({ type: 'update', from: shares[k]!, to: shares[k + 1]!, coefficients, decayFactor }));
      for (const [k, r] of updated.entries()) if (r.type === 'updated') timings[k]!.updateMs += r.ms;
      optimizer.updatedElsewhere();
      lastTimings = timings;
      timings = noTimings();
      return gradNorm;
    },
    lastStepTimings: () => lastTimings,
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Worker threads by default: one per core. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}
