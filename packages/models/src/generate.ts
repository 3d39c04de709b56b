import { ModelArgumentError } from './errors.js';
import type { Model } from './model.js';
import { Rng } from './rng.js';
import { tf } from './tf.js';

export interface GenerateOptions {
  /** New tokens per prompt at most. */
  maxNewTokens: number;
  /** 0 (default): greedy (the first maximum on ties); > 0: sample from softmax(logits / temperature). */
  temperature?: number;
  /** Sample only among the k most likely tokens (0 or absent: all). */
  topK?: number;
  /** A sequence stops after emitting this id (kept as its last token). */
  eos?: number;
  /** Seed of the sampling generator (unused when greedy). */
  seed?: number;
  /** Extra stop condition: ids that stop like `eos`, or a predicate on the new tokens so far. */
  stopAt?: readonly number[] | ((generated: Int32Array) => boolean);
  signal?: AbortSignal;
}

/**
 * Continues each prompt, batched: greedy, temperature or top-k sampling, stopping at `eos`, a
 * `stopAt` condition or `maxNewTokens`. The context slides: the model sees the last
 * `contextLength` tokens (as the paper's model keeps the last T). Greedy decoding uses the
 * model's key/value cache (`greedyContinue`, the transformer's) up to the context length.
 * Returns the new tokens only.
 *
 * @example const [continuation] = generate(model, [Int32Array.from([1, 5, 3])], { maxNewTokens: 20, eos: 2 });
 */
export function generate(model: Model, prompts: readonly ArrayLike<number>[], options: GenerateOptions): Int32Array[] {
  const { maxNewTokens, temperature = 0, topK = 0, eos, seed = 0, stopAt, signal } = options;
  const { vocabSize: V, contextLength: T } = model.config;
  if (!Number.isSafeInteger(maxNewTokens) || maxNewTokens < 0) throw new ModelArgumentError('maxNewTokens', 'an integer ≥ 0', maxNewTokens);
  if (!Number.isFinite(temperature) || temperature < 0) throw new ModelArgumentError('temperature', 'a finite number ≥ 0', temperature);
  if (!Number.isSafeInteger(topK) || topK < 0) throw new ModelArgumentError('topK', 'an integer ≥ 0', topK);
  if (eos !== undefined && (!Number.isInteger(eos) || eos < 0 || eos >= V)) throw new ModelArgumentError('eos', `an id in [0, ${V - 1}]`, eos);
  for (const [i, p] of prompts.entries()) {
    if (p.length === 0) throw new ModelArgumentError(`prompts[${i}]`, 'at least one token', 'an empty prompt');
    for (let k = 0; k < p.length; k++) {
      const id = p[k]!;
      if (!Number.isInteger(id) || id < 0 || id >= V) throw new ModelArgumentError(`prompts[${i}][${k}]`, `an id in [0, ${V - 1}]`, id);
    }
  }
  const rng = new Rng(seed);
  const stopIds = Array.isArray(stopAt) ? new Set(stopAt) : undefined;
  const stopFn = typeof stopAt === 'function' ? stopAt : undefined;
  const seqs = prompts.map((p) => Array.from(p));
  const generated: number[][] = prompts.map(() => []);
  const stops = (i: number, token: number): boolean =>
    token === eos || stopIds?.has(token) === true || stopFn?.(Int32Array.from(generated[i]!)) === true || generated[i]!.length >= maxNewTokens;
  // greedy decoding of a model with a key/value cache: the cache runs each prompt that fits up to
  // the context length (the same tokens, one position per step instead of the whole prefix)
  if (temperature === 0 && stopFn === undefined && model.greedyContinue !== undefined && maxNewTokens > 0 && signal?.aborted !== true) {
    const fits = prompts.flatMap((p, i) => (p.length <= T ? [i] : []));
    const continued = fits.length === 0 ? [] : model.greedyContinue(fits.map((i) => Int32Array.from(prompts[i]!)), { maxNewTokens, ...(eos === undefined ? {} : { eos }) });
    fits.forEach((i, k) => {
      for (const token of continued[k]!) {
        seqs[i]!.push(token);
        generated[i]!.push(token);
        if (stops(i, token)) break;
      }
    });
  }
  let active = prompts.flatMap((_, i) => {
    const g = generated[i]!;
    return g.length < maxNewTokens && (g.length === 0 || !stops(i, g[g.length - 1]!)) ? [i] : [];
  });
  while (active.length > 0) {
    if (signal?.aborted === true) break;
    const contexts = active.map((i) => seqs[i]!.slice(-T));
    const rows = lastRows(model, contexts);
    const next: number[] = [];
    for (const [k, i] of active.entries()) {
      const row = rows.subarray(k * V, (k + 1) * V);
      const token = temperature === 0 ? argmax(row) : sample(row, temperature, topK, rng);
      seqs[i]!.push(token);
      generated[i]!.push(token);
      if (!stops(i, token)) next.push(i);
    }
    active = next;
  }
  return generated.map((g) => Int32Array.from(g));
}

/** Logits of the last position of each context, [contexts × V]. */
function lastRows(model: Model, contexts: number[][]): Float32Array {
  let maxLen = 1;
  for (const c of contexts) maxLen = Math.max(maxLen, c.length);
  const P = model.paddedLength(maxLen);
  const B = contexts.length;
  const ids = new Int32Array(B * P);
  const rowIndex = new Int32Array(B);
  for (const [b, c] of contexts.entries()) {
    ids.set(c, b * P);
    rowIndex[b] = b * P + c.length - 1;
  }
  const out = tf.tidy(() => tf.gather(model.forward(tf.tensor2d(ids, [B, P], 'int32')), tf.tensor1d(rowIndex, 'int32')));
  const data = out.dataSync() as Float32Array;
  out.dispose();
  return data;
}

function argmax(row: Float32Array): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i]! > row[best]!) best = i;
  return best;
}

function sample(row: Float32Array, temperature: number, topK: number, rng: Rng): number {
  let candidates = Array.from(row.keys());
  if (topK > 0 && topK < row.length) {
    candidates.sort((a, b) => row[b]! - row[a]! || a - b);
    candidates = candidates.slice(0, topK);
  }
  let max = -Infinity;
  for (const i of candidates) max = Math.max(max, row[i]!);
  const weights = candidates.map((i) => Math.exp((row[i]! - max) / temperature));
  const total = weights.reduce((a, b) => a + b, 0);
  let u = rng.next() * total;
  for (const [k, w] of weights.entries()) {
    u -= w;
    if (u < 0) return candidates[k]!;
  }
  return candidates[candidates.length - 1]!;
}
