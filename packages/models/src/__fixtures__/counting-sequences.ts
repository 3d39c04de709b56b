// Helpers shared by this package's tests (not exported from the package).
import type { TokenSequenceLike } from '../batch.js';
import { Rng } from '../rng.js';

/**
 * A learnable toy-free stream: sequences where each token is the previous one plus a fixed step
 * modulo V (a deterministic rule a linear model can learn), seeded.
 */
export function countingSequences(count: number, length: number, vocabSize: number, seed: number): TokenSequenceLike[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => {
    const ids = new Int32Array(length);
    ids[0] = Math.floor(rng.next() * vocabSize);
    for (let i = 1; i < length; i++) ids[i] = (ids[i - 1]! + 3) % vocabSize;
    const lossMask = new Uint8Array(length).fill(1);
    lossMask[0] = 0;
    return { ids, lossMask };
  });
}
