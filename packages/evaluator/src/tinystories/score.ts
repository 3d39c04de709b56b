import type { Model } from '@cotlab/models';
import { scoringWindows } from './windows.js';

/** Windows scored per call to `model.logits`. */
const SCORING_BATCH = 32;

/**
 * Negative log-likelihood (nats) of every token of every document under `model`, each document
 * read as `[bos] ids` with sliding windows of the model's context. Returns per-document totals,
 * so bits per byte and loss per token follow.
 */
export function modelDocumentNll(model: Model, documents: readonly ArrayLike<number>[], bos: number, signal?: AbortSignal): { nll: number; tokens: number }[] {
  const { contextLength, vocabSize } = model.config;
  const totals = documents.map(() => ({ nll: 0, tokens: 0 }));
  const windows = scoringWindows(documents, contextLength, bos);
  for (let b = 0; b < windows.length; b += SCORING_BATCH) {
    if (signal?.aborted) throw new Error('tinystories: scoring interrupted');
    const batch = windows.slice(b, b + SCORING_BATCH);
    const logits = model.logits(batch.map((w) => w.ids));
    batch.forEach((w, k) => {
      const rows = logits[k]!;
      const total = totals[w.doc]!;
      for (let i = w.scoreFrom; i < w.ids.length - 1; i++) {
        const offset = i * vocabSize;
        let max = -Infinity;
        for (let v = 0; v < vocabSize; v++) max = Math.max(max, rows[offset + v]!);
        let sum = 0;
        for (let v = 0; v < vocabSize; v++) sum += Math.exp(rows[offset + v]! - max);
        total.nll += max + Math.log(sum) - rows[offset + w.ids[i + 1]!]!;
        total.tokens++;
      }
    });
  }
  return totals;
}
