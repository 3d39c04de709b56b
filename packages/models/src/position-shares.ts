import type { Model } from './model.js';

/**
 * Splits a model's position blocks among `workers` so each does about the same work, or returns
 * undefined when the model has no position blocks or fewer blocks than workers (then workers
 * split the batch by sequences instead).
 *
 * Why split by positions: a worker that takes some blocks computes, for the whole batch, only
 * their rows of the masked map and of the per-position layers after it, and reads and updates
 * only their slabs; a worker that takes half the sequences multiplies every slab (repacking each,
 * the largest tensors of a step, every step) at half the batch. Work per block: its slab's
 * multiply-adds (end·len·d²) plus its positions' per-position layers (len·(d² + d·V)), assigned
 * largest first to the least loaded worker.
 *
 * @example positionShares(mlp64, 2); // [[0, 3, 4, 7], [1, 2, 5, 6]]
 */
export function positionShares(model: Model, workers: number): number[][] | undefined {
  const bounds = model.positionBlocks;
  if (bounds === undefined || bounds.length < workers || workers < 2) return undefined;
  const { dim: d, vocabSize: V, kind } = model.config;
  const perPosition = (kind === 'mlp' ? d * d : 0) + d * V;
  const cost = bounds.map(([start, end], i) => ({ i, work: end * (end - start) * d * d + (end - start) * perPosition }));
  const shares = Array.from({ length: workers }, () => ({ blocks: [] as number[], work: 0 }));
  for (const block of cost.sort((a, b) => b.work - a.work || a.i - b.i)) {
    const lightest = shares.reduce((best, s) => (s.work < best.work ? s : best));
    lightest.blocks.push(block.i);
    lightest.work += block.work;
  }
  return shares.map((s) => s.blocks.sort((a, b) => a - b));
}
