import { BYTE_TO_CHAR } from './byte-level.js';
import { ByteLevelBpeTokenizer, PAIR_KEY_BASE } from './byte-level-bpe.js';
import { TokenizerArgumentError, TokenizerError, show } from './errors.js';
import { splitGpt2 } from './gpt2-split.js';
import { PairHeap } from './pair-heap.js';
import { SPECIAL_ROLES } from './special-tokens.js';
import type { SpecialSymbols } from './tokenizer.js';

/** Byte tokens every byte-level vocabulary starts with. */
export const BYTE_ALPHABET_SIZE = 256;

/** GPT-2's end-of-text token, also its BOS (Radford et al. 2019; tiktoken r50k_base id 50256). */
export const GPT2_END_OF_TEXT = '<|endoftext|>';

/** A pair must occur at least this often to be merged, unless `minFrequency` says otherwise. */
export const DEFAULT_MIN_FREQUENCY = 2;

export interface TrainProgress {
  /** `count`: reading text and counting words (done/total in bytes, total 0 when unknown); `merge`: learning merges. */
  phase: 'count' | 'merge';
  done: number;
  total: number;
}

export interface TrainBpeOptions {
  /** Target vocabulary size, special tokens and the 256 byte tokens included. */
  vocabSize: number;
  /** Special tokens with roles; default `{ bos: '<|endoftext|>', eos: '<|endoftext|>' }` as GPT-2. They get the first ids. */
  specials?: SpecialSymbols;
  /** More special tokens without a role. */
  extraSpecialTokens?: readonly string[];
  /** Smallest count of a pair worth merging (default 2); training stops early when no pair reaches it. */
  minFrequency?: number;
  /** Called now and then with what is done. */
  onProgress?: (p: TrainProgress) => void;
  /** Stops training at the next safe point (between texts, or every few merges) with an AbortError. */
  signal?: AbortSignal;
  /** Total input size in bytes, for progress (the Node file trainer fills it in). */
  totalBytes?: number;
}

/** Training stopped by its AbortSignal. */
export class TrainingAbortedError extends TokenizerError {
  override name = 'AbortError';
  constructor(readonly phase: TrainProgress['phase']) {
    super(`tokenizer: BPE training was aborted during the ${phase} phase`);
  }
}

/** Options validated before any work starts; returns the special tokens in id order. */
function checkOptions(options: TrainBpeOptions): string[] {
  const { vocabSize, minFrequency = DEFAULT_MIN_FREQUENCY } = options;
  const specials = options.specials ?? { bos: GPT2_END_OF_TEXT, eos: GPT2_END_OF_TEXT };
  const names: string[] = [];
  for (const role of SPECIAL_ROLES) {
    const n = specials[role];
    if (n === undefined) continue;
    if (typeof n !== 'string' || n.length === 0) throw new TokenizerArgumentError(`specials.${role}`, 'a non-empty string', show(n));
    if (!names.includes(n)) names.push(n);
  }
  (options.extraSpecialTokens ?? []).forEach((n: unknown, i) => {
    if (typeof n !== 'string' || n.length === 0) throw new TokenizerArgumentError(`extraSpecialTokens[${i}]`, 'a non-empty string', show(n));
    if (!names.includes(n)) names.push(n);
  });
  const byteClash = names.find((n) => BYTE_TO_CHAR.includes(n));
  if (byteClash !== undefined) throw new TokenizerArgumentError('specials', 'names that are not single byte tokens', show(byteClash));
  const min = names.length + BYTE_ALPHABET_SIZE;
  if (!Number.isSafeInteger(vocabSize) || vocabSize < min || vocabSize >= PAIR_KEY_BASE) {
    throw new TokenizerArgumentError('vocabSize', `an integer in [${min}, ${PAIR_KEY_BASE - 1}] (${names.length} special + 256 byte tokens at least)`, show(vocabSize));
  }
  if (!Number.isSafeInteger(minFrequency) || minFrequency < 1) throw new TokenizerArgumentError('minFrequency', 'an integer ≥ 1', show(minFrequency));
  return names;
}

/**
 * Counts pre-tokenised words of a text stream; then learns merges. Streaming: only the table of
 * distinct words is kept, never the text. Deterministic: ties between equally frequent pairs go
 * to the pair of smaller ids, so the same input always gives the same vocabulary.
 */
export class BpeTrainer {
  readonly #options: TrainBpeOptions;
  readonly #specialNames: readonly string[];
  readonly #specialSplit: RegExp | undefined;
  readonly #counts = new Map<string, number>();
  #bytesSeen = 0;

  /** Validates the options (throws TokenizerArgumentError before any work). */
  constructor(options: TrainBpeOptions) {
    this.#specialNames = checkOptions(options);
    this.#options = options;
    this.#specialSplit =
      this.#specialNames.length === 0
        ? undefined
        : new RegExp([...this.#specialNames].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  }

  /** Bytes of text counted so far (UTF-16 length as an estimate when the caller does not say). */
  get bytesSeen(): number {
    return this.#bytesSeen;
  }

  /**
   * Counts the words of one piece of text. Pieces must be cut where a word cannot span the cut
   * (the Node file reader cuts after a newline between two non-space characters).
   */
  addText(text: string, bytes = text.length): void {
    const parts = this.#specialSplit === undefined ? [text] : text.split(this.#specialSplit);
    const counts = this.#counts;
    for (const part of parts) {
      splitGpt2(part, (start, end) => {
        const w = part.slice(start, end);
        counts.set(w, (counts.get(w) ?? 0) + 1);
      });
    }
    this.#bytesSeen += bytes;
  }

  /** Learns merges up to the target size and returns the tokenizer. */
  train(): ByteLevelBpeTokenizer {
    const { vocabSize, minFrequency = DEFAULT_MIN_FREQUENCY, onProgress, signal } = this.#options;
    const k = this.#specialNames.length;
    const vocab: string[] = [...this.#specialNames, ...BYTE_TO_CHAR];
    const mergeCount = vocabSize - vocab.length;
    const encoder = new TextEncoder();

    // Distinct words as id arrays (byte b has id k + b), with their counts.
    const words: Int32Array[] = [];
    const lengths: number[] = [];
    const freq: number[] = [];
    for (const [w, c] of this.#counts) {
      const bytes = encoder.encode(w);
      const ids = new Int32Array(bytes.length);
      for (let i = 0; i < bytes.length; i++) ids[i] = k + bytes[i]!;
      words.push(ids);
      lengths.push(ids.length);
      freq.push(c);
    }

    const pairCount = new Map<number, number>();
    const where = new Map<number, number[]>();
    for (let w = 0; w < words.length; w++) {
      const ids = words[w]!;
      const c = freq[w]!;
      for (let i = 0; i + 1 < ids.length; i++) {
        const key = ids[i]! * PAIR_KEY_BASE + ids[i + 1]!;
        pairCount.set(key, (pairCount.get(key) ?? 0) + c);
        let list = where.get(key);
        if (list === undefined) where.set(key, (list = []));
        if (list[list.length - 1] !== w) list.push(w);
      }
    }
    const heap = new PairHeap(Math.max(64, pairCount.size));
    for (const [key, c] of pairCount) heap.push(c, key, 0);

    const merges: [string, string][] = [];
    const stamp = new Int32Array(words.length).fill(-1);
    const delta = new Map<number, number>();
    const report = (done: number): void => onProgress?.({ phase: 'merge', done, total: mergeCount });
    report(0);
    while (merges.length < mergeCount && heap.length > 0) {
      const count = heap.topPriority();
      const key = heap.topPosition();
      heap.pop();
      if (pairCount.get(key) !== count) continue; // stale entry
      if (count < minFrequency) break;
      const a = Math.floor(key / PAIR_KEY_BASE);
      const b = key - a * PAIR_KEY_BASE;
      const c = vocab.length;
      vocab.push(vocab[a]! + vocab[b]!);
      merges.push([vocab[a]!, vocab[b]!]);
      const r = merges.length;
      delta.clear();
      for (const w of where.get(key) ?? []) {
        if (stamp[w] === r) continue;
        stamp[w] = r;
        const ids = words[w]!;
        const len = lengths[w]!;
        const f = freq[w]!;
        let found = false;
        for (let i = 0; i + 1 < len; i++) {
          if (ids[i] === a && ids[i + 1] === b) {
            found = true;
            break;
          }
        }
        if (!found) continue;
        // Replace the word's pairs wholesale: subtract the old ones, add the new ones.
        for (let i = 0; i + 1 < len; i++) {
          const old = ids[i]! * PAIR_KEY_BASE + ids[i + 1]!;
          delta.set(old, (delta.get(old) ?? 0) - f);
        }
        let out = 0;
        for (let i = 0; i < len; i++) {
          if (i + 1 < len && ids[i] === a && ids[i + 1] === b) {
            ids[out++] = c;
            i++;
          } else ids[out++] = ids[i]!;
        }
        for (let i = 0; i + 1 < out; i++) {
          const made = ids[i]! * PAIR_KEY_BASE + ids[i + 1]!;
          delta.set(made, (delta.get(made) ?? 0) + f);
        }
        lengths[w] = out;
        for (let i = 0; i + 1 < out; i++) {
          if (ids[i] !== c && ids[i + 1] !== c) continue;
          const made = ids[i]! * PAIR_KEY_BASE + ids[i + 1]!;
          let list = where.get(made);
          if (list === undefined) where.set(made, (list = []));
          if (list[list.length - 1] !== w) list.push(w);
        }
      }
      pairCount.delete(key);
      where.delete(key);
      for (const [pair, d] of delta) {
        if (d === 0) continue;
        const n = (pairCount.get(pair) ?? 0) + d;
        if (n > 0) {
          pairCount.set(pair, n);
          heap.push(n, pair, 0);
        } else pairCount.delete(pair);
      }
      if (r % 64 === 0) {
        if (signal?.aborted === true) throw new TrainingAbortedError('merge');
        report(r);
      }
    }
    report(merges.length);
    return new ByteLevelBpeTokenizer({ vocab, merges, specialTokens: this.#specialNames, roles: this.#options.specials ?? { bos: GPT2_END_OF_TEXT, eos: GPT2_END_OF_TEXT } });
  }
}

/**
 * Trains a GPT-2-style byte-level BPE tokenizer on a stream of texts (strings or an async
 * iterable of them, e.g. file chunks). Deterministic; checks `signal` between texts and every 64
 * merges; reports progress through `onProgress`.
 *
 * @example
 * const tok = await trainByteLevelBpe(['the cat sat on the mat'], { vocabSize: 300, minFrequency: 1 });
 * tok.encode('the mat'); // a few ids, fewer than bytes
 */
export async function trainByteLevelBpe(texts: Iterable<string> | AsyncIterable<string>, options: TrainBpeOptions): Promise<ByteLevelBpeTokenizer> {
  const trainer = new BpeTrainer(options);
  const { signal, onProgress, totalBytes = 0 } = options;
  let lastReport = -1;
  for await (const text of texts) {
    if (signal?.aborted === true) throw new TrainingAbortedError('count');
    if (typeof text !== 'string') throw new TokenizerArgumentError('texts', 'strings', show(text));
    trainer.addText(text);
    const now = trainer.bytesSeen;
    if (onProgress !== undefined && now - lastReport >= 1 << 20) {
      onProgress({ phase: 'count', done: now, total: totalBytes });
      lastReport = now;
    }
  }
  onProgress?.({ phase: 'count', done: trainer.bytesSeen, total: Math.max(totalBytes, trainer.bytesSeen) });
  if (signal?.aborted === true) throw new TrainingAbortedError('count');
  return trainer.train();
}

/**
 * The synchronous form of {@link trainByteLevelBpe} for texts already in memory.
 *
 * @example
 * const tok = trainByteLevelBpeSync(['aaa bbb aaa'], { vocabSize: 260, specials: {} , minFrequency: 1 });
 */
export function trainByteLevelBpeSync(texts: Iterable<string>, options: TrainBpeOptions): ByteLevelBpeTokenizer {
  const trainer = new BpeTrainer(options);
  for (const t of texts) {
    if (typeof t !== 'string') throw new TokenizerArgumentError('texts', 'strings', show(t));
    trainer.addText(t);
  }
  return trainer.train();
}
