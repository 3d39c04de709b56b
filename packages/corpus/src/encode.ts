import { WordLevelTokenizer } from '@cotlab/tokenizer';
import { BOS, UNK } from './digits.js';
import { CorpusError, UnknownNameError } from './errors.js';
import type { Example, Split, Task } from './types.js';

/**
 * Which positions a model is trained on. `all`: every position (the paper trains on every
 * next-token prediction); `cot-answer`: only the CoT and the answer (predicting the prompt is
 * not required).
 */
export type LossMaskKind = 'all' | 'cot-answer';
export const LOSS_MASK_KINDS: readonly LossMaskKind[] = ['all', 'cot-answer'];

/**
 * One dataset record, the shape the models package's training loop accepts: `ids` is the whole
 * sequence; `lossMask[i] = 1` means "train on predicting ids[i] from ids[<i]" (so lossMask[0] is 0).
 */
export interface TokenSequence {
  ids: Int32Array;
  lossMask: Uint8Array;
  split: Split;
}

/** Symbols ⇄ ids for one vocabulary (id = index in the list), with no whitespace splitting. */
export interface SymbolEncoder {
  readonly symbols: readonly string[];
  readonly size: number;
  /** The id of a symbol; throws naming the symbol when it is not in the vocabulary. */
  idOf(symbol: string): number;
  /** Writes the ids of `symbols` into `out` from `offset`; returns the next offset. */
  encodeInto(symbols: readonly string[], out: Int32Array, offset: number): number;
}

/**
 * A fast symbol → id map over a vocabulary list. Ids equal those of
 * `WordLevelTokenizer.fromSymbols(vocabulary)` (id = index).
 *
 * @example createSymbolEncoder(['[UNK]', '[BOS]', '0']).idOf('0') // 2
 */
export function createSymbolEncoder(vocabulary: readonly string[]): SymbolEncoder {
  const ids = new Map<string, number>();
  vocabulary.forEach((s, i) => {
    if (ids.has(s)) throw new CorpusError(`vocabulary lists symbol '${s}' twice (ids ${ids.get(s)} and ${i})`, 'vocabulary');
    ids.set(s, i);
  });
  const idOf = (symbol: string): number => {
    const id = ids.get(symbol);
    if (id === undefined) throw new UnknownNameError('symbol', symbol, vocabulary.length > 40 ? [...vocabulary.slice(0, 40), '…'] : vocabulary, ' (not in the vocabulary)');
    return id;
  };
  return {
    symbols: vocabulary,
    size: vocabulary.length,
    idOf,
    encodeInto(symbols, out, offset) {
      let o = offset;
      for (const s of symbols) out[o++] = idOf(s);
      return o;
    },
  };
}

/**
 * The tokenizer of a task's selected format: a WordLevelTokenizer over its vocabulary with
 * `[UNK]` (id 0, also padding) and `[BOS]` (id 1). For 4×4 `malach` its ids are the paper's.
 *
 * @example tokenizerFor(createTask('multiplication', {})).size // 117
 */
export function tokenizerFor(task: Task): WordLevelTokenizer {
  const vocab = task.vocabulary();
  return WordLevelTokenizer.fromSymbols(vocab, { unk: UNK, pad: UNK, ...(vocab.includes(BOS) ? { bos: BOS } : {}) });
}

/**
 * Encodes an example as a training record.
 *
 * @example
 * const enc = createSymbolEncoder(task.vocabulary());
 * const seq = toTokenSequence(task.draw(createRng(1)), enc, 'all', 'train');
 */
export function toTokenSequence(example: Example, encoder: SymbolEncoder, lossMask: LossMaskKind, split: Split): TokenSequence {
  const length = example.prompt.length + example.cot.length + example.answer.length;
  const ids = new Int32Array(length);
  let o = encoder.encodeInto(example.prompt, ids, 0);
  o = encoder.encodeInto(example.cot, ids, o);
  encoder.encodeInto(example.answer, ids, o);
  return { ids, lossMask: makeLossMask(length, example.prompt.length, lossMask), split };
}

/**
 * A loss mask of `length` positions: from 1 (`all`) or from the end of the prompt (`cot-answer`).
 *
 * @example makeLossMask(5, 2, 'cot-answer') // Uint8Array [0, 0, 1, 1, 1]
 */
export function makeLossMask(length: number, promptLength: number, kind: LossMaskKind): Uint8Array {
  const mask = new Uint8Array(length);
  mask.fill(1, kind === 'all' ? 1 : Math.max(1, promptLength));
  return mask;
}
