import { BYTE_TO_CHAR, GPT2_PATTERN, bytesToSymbol, symbolToBytes } from './byte-level.js';
import { splitGpt2 } from './gpt2-split.js';
import { TokenizerArgumentError, UnknownIdError, isArrayValue, show } from './errors.js';
import { SPECIAL_ROLES } from './special-tokens.js';
import type { EncodeOptions, SpecialSymbols, SpecialTokens, Tokenizer } from './tokenizer.js';
import { hfAddedToken } from './word-level.js';
import { idInVocab, symbolInVocab, vocabRecord } from './vocab-lookup.js';

/** Merge pairs are keyed `left · 2^21 + right`: exact in a double for vocabularies below 2^21 ids. */
export const PAIR_KEY_BASE = 2 ** 21;

const UTF8 = new TextEncoder();

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Words whose encodings the encoder remembers before it starts over (bounds memory on huge inputs). */
const WORD_CACHE_LIMIT = 200_000;

export interface ByteLevelBpeSpec {
  /** Every token's byte-level string (`Ġthe`) or, for special tokens, its text (`<|endoftext|>`), in id order. */
  vocab: readonly string[];
  /** Merges in rank order, each as two vocabulary strings (`['Ġ', 't']`). */
  merges: readonly (readonly [string, string])[];
  /** Special tokens: vocabulary strings matched verbatim in text before pre-tokenisation. */
  specialTokens?: readonly string[];
  /** Roles of some special tokens (each must be one of `specialTokens`). */
  roles?: SpecialSymbols;
  /** Pre-tokenizer regular expression (Unicode); GPT-2's by default. */
  pattern?: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * GPT-2-style byte-level BPE: text is split by a regular expression into words, each word's
 * UTF-8 bytes start as 256 byte tokens, and merges apply in rank order. Every string encodes
 * (there is no unknown symbol), and decoding gives it back. Special tokens (`<|endoftext|>`) are
 * recognised in text, as Hugging Face `tokenizers` does.
 *
 * @example
 * const tok = await trainByteLevelBpe(['low lower lowest'], { vocabSize: 270 });
 * tok.decode(tok.encode('lowest low')); // 'lowest low'
 */
export class ByteLevelBpeTokenizer implements Tokenizer {
  readonly kind = 'byte-level-bpe';
  readonly size: number;
  readonly specialTokens: SpecialTokens;
  /** The pre-tokenizer pattern. */
  readonly pattern: string;
  readonly #vocab: readonly string[];
  readonly #ids: ReadonlyMap<string, number>;
  readonly #bytes: readonly Uint8Array[];
  readonly #merges: readonly (readonly [number, number])[];
  /** pair key → rank. */
  readonly #rank: ReadonlyMap<number, number>;
  /** rank → merged id. */
  readonly #mergedId: Int32Array;
  readonly #byteId: Int32Array;
  readonly #specials: ReadonlyMap<string, number>;
  readonly #specialSplit: RegExp | undefined;
  readonly #regex: RegExp;
  #cache = new Map<string, readonly number[]>();

  constructor(spec: ByteLevelBpeSpec) {
    const { vocab, merges, specialTokens = [], roles = {}, pattern = GPT2_PATTERN } = spec;
    if (!isArrayValue(vocab)) throw new TokenizerArgumentError('vocab', 'an array of strings', show(vocab));
    if (vocab.length >= PAIR_KEY_BASE) throw new TokenizerArgumentError('vocab', `fewer than ${PAIR_KEY_BASE} tokens`, `${vocab.length}`);
    const specialSet = new Set(specialTokens);
    const ids = new Map<string, number>();
    const bytes: Uint8Array[] = [];
    const encoder = new TextEncoder();
    vocab.forEach((symbol: unknown, id) => {
      if (typeof symbol !== 'string' || symbol.length === 0) throw new TokenizerArgumentError(`vocab[${id}]`, 'a non-empty string', show(symbol));
      if (ids.has(symbol)) throw new TokenizerArgumentError(`vocab[${id}]`, 'distinct from every other token', `${show(symbol)}, also vocab[${ids.get(symbol)}]`);
      ids.set(symbol, id);
      if (specialSet.has(symbol)) {
        bytes.push(encoder.encode(symbol));
        return;
      }
      const b = symbolToBytes(symbol);
      if (b === undefined) throw new TokenizerArgumentError(`vocab[${id}]`, 'a byte-level string (GPT-2 alphabet) or a special token', show(symbol));
      bytes.push(b);
    });
    const byteId = new Int32Array(256);
    for (let b = 0; b < 256; b++) {
      const id = ids.get(BYTE_TO_CHAR[b]!);
      if (id === undefined) throw new TokenizerArgumentError('vocab', `to hold all 256 byte tokens`, `no token for byte ${b} (${show(BYTE_TO_CHAR[b])})`);
      byteId[b] = id;
    }
    const rank = new Map<number, number>();
    const mergedId = new Int32Array(merges.length);
    const mergeIds: (readonly [number, number])[] = [];
    merges.forEach((merge, r) => {
      const [a, b] = merge;
      const ia = ids.get(a);
      const ib = ids.get(b);
      const ic = ids.get(a + b);
      if (ia === undefined || ib === undefined || ic === undefined || specialSet.has(a) || specialSet.has(b)) {
        throw new TokenizerArgumentError(`merges[${r}]`, 'two vocabulary tokens whose concatenation is a token', `${show(a)} + ${show(b)}`);
      }
      const key = ia * PAIR_KEY_BASE + ib;
      if (!rank.has(key)) rank.set(key, r);
      mergedId[r] = ic;
      mergeIds.push([ia, ib]);
    });
    const specials = new Map<string, number>();
    for (const s of specialTokens) {
      const id = ids.get(s);
      if (id === undefined) throw new TokenizerArgumentError('specialTokens', 'tokens of the vocabulary', show(s));
      specials.set(s, id);
    }
    const roleIds: SpecialTokens = {};
    for (const role of SPECIAL_ROLES) {
      const name = roles[role];
      if (name === undefined) continue;
      const id = specials.get(name);
      if (id === undefined) throw new TokenizerArgumentError(`roles.${role}`, 'one of the special tokens', show(name));
      roleIds[role] = id;
    }
    try {
      this.#regex = new RegExp(pattern, 'gu');
    } catch (cause) {
      throw new TokenizerArgumentError('pattern', 'a valid Unicode regular expression', `${show(pattern)} (${(cause as Error).message})`);
    }
    this.pattern = pattern;
    this.#vocab = Object.freeze([...vocab]);
    this.#ids = ids;
    this.#bytes = bytes;
    this.#merges = mergeIds;
    this.#rank = rank;
    this.#mergedId = mergedId;
    this.#byteId = byteId;
    this.#specials = specials;
    this.#specialSplit =
      specials.size === 0 ? undefined : new RegExp([...specials.keys()].sort((x, y) => y.length - x.length).map(escapeRegExp).join('|'), 'g');
    this.size = vocab.length;
    this.specialTokens = Object.freeze(roleIds);
  }

  /** Token strings in id order (byte-level strings; special tokens as written). */
  get vocab(): readonly string[] {
    return this.#vocab;
  }

  /** Merges in rank order, as vocabulary strings. */
  get merges(): readonly (readonly [string, string])[] {
    return this.#merges.map(([a, b]) => [this.#vocab[a]!, this.#vocab[b]!] as const);
  }

  /** The special tokens' strings. */
  get specialTokenStrings(): readonly string[] {
    return [...this.#specials.keys()];
  }

  /** The bytes a token stands for. */
  bytesOf(id: number): Uint8Array {
    const b = Number.isInteger(id) ? this.#bytes[id] : undefined;
    if (b === undefined) throw new UnknownIdError(id, -1, this.size);
    return b;
  }

  /** Forgets the remembered encodings of words (for cold-cache benchmarks, or to free memory). */
  clearCache(): void {
    this.#cache = new Map();
  }

  /** Encodes text; special-token strings in the text become their ids. Never throws on text. */
  encode(text: string, _options: EncodeOptions = {}): number[] {
    if (typeof text !== 'string') throw new TokenizerArgumentError('text', 'a string', show(text));
    const out: number[] = [];
    const split = this.#specialSplit;
    if (split === undefined) {
      this.#encodeOrdinary(text, out);
      return out;
    }
    split.lastIndex = 0;
    let from = 0;
    for (let m = split.exec(text); m !== null; m = split.exec(text)) {
      if (m.index > from) this.#encodeOrdinary(text.slice(from, m.index), out);
      out.push(this.#specials.get(m[0])!);
      from = m.index + m[0].length;
    }
    if (from < text.length) this.#encodeOrdinary(from === 0 ? text : text.slice(from), out);
    return out;
  }

  #encodeOrdinary(text: string, out: number[]): void {
    const cache = this.#cache;
    const emit = (word: string): void => {
      let ids = cache.get(word);
      if (ids === undefined) {
        ids = this.#encodeWord(word);
        if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
        cache.set(word, ids);
      }
      for (let i = 0; i < ids.length; i++) out.push(ids[i]!);
    };
    if (this.pattern === GPT2_PATTERN) {
      splitGpt2(text, (start, end) => emit(text.slice(start, end)));
      return;
    }
    const re = this.#regex;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) emit(m[0]);
  }

  /** BPE on one word: merge the lowest-ranked adjacent pair (all its occurrences, left to right) until none is a merge. */
  #encodeWord(word: string): number[] {
    let ids: number[];
    if (isAscii(word)) {
      ids = new Array<number>(word.length);
      for (let i = 0; i < word.length; i++) ids[i] = this.#byteId[word.charCodeAt(i)]!;
    } else {
      const bytes = UTF8.encode(word);
      ids = new Array<number>(bytes.length);
      for (let i = 0; i < bytes.length; i++) ids[i] = this.#byteId[bytes[i]!]!;
    }
    const rank = this.#rank;
    while (ids.length > 1) {
      let best = -1;
      for (let i = 0; i + 1 < ids.length; i++) {
        const r = rank.get(ids[i]! * PAIR_KEY_BASE + ids[i + 1]!);
        if (r !== undefined && (best < 0 || r < best)) best = r;
      }
      if (best < 0) break;
      const [a, b] = this.#merges[best]!;
      const c = this.#mergedId[best]!;
      let w = 0;
      for (let i = 0; i < ids.length; i++) {
        if (i + 1 < ids.length && ids[i] === a && ids[i + 1] === b) {
          ids[w++] = c;
          i++;
        } else ids[w++] = ids[i]!;
      }
      ids.length = w;
    }
    return ids;
  }

  /** Joins the tokens' bytes and reads them as UTF-8 (invalid sequences become U+FFFD). */
  decode(ids: ArrayLike<number>): string {
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const b = Number.isInteger(id) ? this.#bytes[id] : undefined;
      if (b === undefined) throw new UnknownIdError(id, i, this.size);
      total += b.length;
    }
    const buf = new Uint8Array(total);
    let at = 0;
    for (let i = 0; i < ids.length; i++) {
      const b = this.#bytes[ids[i]!]!;
      buf.set(b, at);
      at += b.length;
    }
    return new TextDecoder().decode(buf);
  }

  /** The id of a token string: a byte-level string such as `Ġthe`, or a special token. */
  idOf(symbol: string): number {
    return idInVocab(this.#ids, symbol, this.kind);
  }

  symbolOf(id: number): string {
    return symbolInVocab(this.#vocab, id);
  }

  /** Hugging Face `tokenizer.json` (BPE model, ByteLevel pre-tokenizer and decoder), as GPT-2's. */
  toJSON(): unknown {
    const vocab = vocabRecord(this.#vocab);
    const byteLevel = { add_prefix_space: false, trim_offsets: true, use_regex: true };
    if (this.pattern !== GPT2_PATTERN) throw new TokenizerArgumentError('pattern', "GPT-2's to write a Hugging Face tokenizer.json", show(this.pattern));
    return {
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: [...this.#specials.values()].sort((a, b) => a - b).map((id) => hfAddedToken(id, this.#vocab[id]!)),
      normalizer: null,
      pre_tokenizer: { type: 'ByteLevel', ...byteLevel },
      post_processor: null,
      decoder: { type: 'ByteLevel', ...byteLevel },
      model: {
        type: 'BPE',
        dropout: null,
        unk_token: null,
        continuing_subword_prefix: null,
        end_of_word_suffix: null,
        fuse_unk: false,
        byte_fallback: false,
        ignore_merges: false,
        vocab,
        merges: this.#merges.map(([a, b]) => `${this.#vocab[a]!} ${this.#vocab[b]!}`),
      },
    };
  }
}

export { bytesToSymbol };
