// The step `train()` takes with one worker, for benchmarks that time it in this thread or in a
// worker thread: gradients of the whole batch (in memory-sized passes), then AdamW.
import { AdamW } from '../src/adamw.js';
import { gradientsInChunks, type TokenSequenceLike } from '../src/batch.js';
import { microBatchSize } from '../src/config.js';
import type { Model } from '../src/model.js';

/** One call: one optimizer step of `model` on `sequences`. */
export function oneWorkerStep(model: Model, sequences: readonly TokenSequenceLike[]): () => void {
  const optimizer = new AdamW(model, { weightDecay: 0.1, gradClip: 1 });
  const into = optimizer.gradientBuffers();
  const chunk = microBatchSize(model.config, sequences.length);
  return () => {
    const r = gradientsInChunks(model, sequences, chunk, into);
    optimizer.step(into, 1 / r.tokens, 1e-3);
  };
}
