import { keyOf, MAX_TOKEN_ID } from './keys.js';

/** Per-context statistics: total count and how many continuations were seen once, twice, ≥ 3 times. */
interface ContextStats {
  total: number;
  n1: number;
  n2: number;
  n3: number;
}

/** One order's counts: k-gram → count (raw at the top order, continuation counts below). */
interface OrderTable {
  counts: Map<string, number>;
  contexts: Map<string, ContextStats>;
  /** Modified Kneser–Ney discounts for counts 1, 2 and ≥ 3 (Chen & Goodman 1998). */
  discounts: [number, number, number];
}

export interface NGramOptions {
  /** Highest order n (1 = unigram). */
  order: number;
  /** Vocabulary size: the lowest order interpolates with the uniform distribution over it. */
  vocabSize: number;
  /** Token prepended (order − 1 times) to every sequence as its left context; it is never predicted. */
  bos: number;
}

function discountsOf(counts: Iterable<number>): [number, number, number] {
  const n = [0, 0, 0, 0, 0];
  for (const c of counts) if (c <= 4) n[c] = (n[c] ?? 0) + 1;
  const [n1, n2, n3, n4] = [n[1] ?? 0, n[2] ?? 0, n[3] ?? 0, n[4] ?? 0];
  if (n1 === 0 || n2 === 0 || n3 === 0 || n4 === 0) return [0.5, 0.75, 0.9];
  const y = n1 / (n1 + 2 * n2);
  const clamp = (d: number, max: number): number => Math.min(Math.max(d, 0), max);
  return [clamp(1 - (2 * y * n2) / n1, 1), clamp(2 - (3 * y * n3) / n2, 2), clamp(3 - (4 * y * n4) / n3, 3)];
}

/**
 * Interpolated modified Kneser–Ney n-gram language model over token ids (Chen & Goodman 1998):
 * the top order uses raw counts, lower orders use continuation counts, each order interpolates
 * with the next lower one, and order 1 interpolates with the uniform distribution, so every token
 * of the vocabulary has a non-zero probability.
 *
 * @example
 * const lm = KneserNeyModel.train([[5, 6, 7, 5, 6]], { order: 3, vocabSize: 10, bos: 1 });
 * lm.logProb([1, 5], 6); // natural log of P(6 | 1 5)
 */
export class KneserNeyModel {
  private readonly tables: OrderTable[] = [];

  private constructor(readonly options: NGramOptions) {}

  static train(sequences: Iterable<ArrayLike<number>>, options: NGramOptions): KneserNeyModel {
    const { order, vocabSize, bos } = options;
    if (!Number.isInteger(order) || order < 1 || order > 8) throw new RangeError(`ngram: order must be an integer in [1, 8], got ${order}`);
    if (!Number.isInteger(vocabSize) || vocabSize < 1 || vocabSize > MAX_TOKEN_ID + 1) {
      throw new RangeError(`ngram: vocabSize must be an integer in [1, ${MAX_TOKEN_ID + 1}], got ${vocabSize}`);
    }
    const model = new KneserNeyModel(options);
    const top = new Map<string, number>();
    for (const sequence of sequences) {
      const padded = padded_(sequence, order, bos, vocabSize);
      for (let end = order; end <= padded.length; end++) {
        const key = keyOf(padded, end - order, end);
        top.set(key, (top.get(key) ?? 0) + 1);
      }
    }
    // Continuation counts of order k: the number of distinct tokens seen before each k-gram.
    const byOrder: Map<string, number>[] = [];
    byOrder[order] = top;
    for (let k = order - 1; k >= 1; k--) {
      const higher = byOrder[k + 1]!;
      const lower = new Map<string, number>();
      for (const key of higher.keys()) {
        const suffix = key.slice(1);
        lower.set(suffix, (lower.get(suffix) ?? 0) + 1);
      }
      byOrder[k] = lower;
    }
    for (let k = 1; k <= order; k++) {
      const counts = byOrder[k]!;
      const contexts = new Map<string, ContextStats>();
      for (const [key, c] of counts) {
        const context = key.slice(0, -1);
        let stats = contexts.get(context);
        if (stats === undefined) contexts.set(context, (stats = { total: 0, n1: 0, n2: 0, n3: 0 }));
        stats.total += c;
        if (c === 1) stats.n1++;
        else if (c === 2) stats.n2++;
        else stats.n3++;
      }
      model.tables[k] = { counts, contexts, discounts: discountsOf(counts.values()) };
    }
    return model;
  }

  /** Number of distinct n-grams stored at each order (index 1..n). */
  sizes(): number[] {
    return this.tables.map((t) => t.counts.size);
  }

  /** ln P(token | history), using at most the last order − 1 tokens of `history`. */
  logProb(history: ArrayLike<number>, token: number): number {
    const { order, vocabSize, bos } = this.options;
    const need = order - 1;
    const context: number[] = [];
    for (let i = 0; i < need; i++) {
      const j = history.length - need + i;
      context.push(j >= 0 ? (history[j] as number) : bos);
    }
    let p = 1 / vocabSize;
    const tokenKey = String.fromCharCode(token);
    for (let k = 1; k <= order; k++) {
      const table = this.tables[k]!;
      const ctxKey = keyOf(context, context.length - (k - 1), context.length);
      const stats = table.contexts.get(ctxKey);
      if (stats === undefined) continue; // unseen context: keep the lower-order estimate
      const c = table.counts.get(ctxKey + tokenKey) ?? 0;
      const [d1, d2, d3] = table.discounts;
      const d = c === 0 ? 0 : c === 1 ? d1 : c === 2 ? d2 : d3;
      const gamma = (d1 * stats.n1 + d2 * stats.n2 + d3 * stats.n3) / stats.total;
      p = Math.max(c - d, 0) / stats.total + gamma * p;
    }
    return Math.log(p);
  }

  /** Total negative log-likelihood in nats of every token of `sequence` (BOS context prepended), and the token count. */
  sequenceNll(sequence: ArrayLike<number>): { nll: number; tokens: number } {
    const { order, bos } = this.options;
    const history: number[] = Array.from({ length: order - 1 }, () => bos);
    let nll = 0;
    for (let i = 0; i < sequence.length; i++) {
      const token = sequence[i] as number;
      nll -= this.logProb(history, token);
      history.push(token);
      if (history.length > order) history.shift();
    }
    return { nll, tokens: sequence.length };
  }
}

function padded_(sequence: ArrayLike<number>, order: number, bos: number, vocabSize: number): number[] {
  const out: number[] = Array.from({ length: order - 1 }, () => bos);
  for (let i = 0; i < sequence.length; i++) {
    const id = sequence[i] as number;
    if (!Number.isInteger(id) || id < 0 || id >= vocabSize) throw new RangeError(`ngram: token id ${id} at position ${i} is outside [0, ${vocabSize})`);
    out.push(id);
  }
  return out;
}
