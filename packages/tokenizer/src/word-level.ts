import { TokenizerArgumentError, UnknownIdError, UnknownSymbolError, show } from './errors.js';
import { resolveSpecials, SPECIAL_ROLES } from './special-tokens.js';
import type { EncodeOptions, SpecialSymbols, SpecialTokens, Tokenizer } from './tokenizer.js';
import { idInVocab, symbolInVocab, vocabRecord } from './vocab-lookup.js';

const WHITESPACE = /\s+/u;

/**
 * A fixed list of symbols; the id of a symbol is its index. Text is split on whitespace, and
 * decoding joins symbols with single spaces. Symbol arrays (as the corpus writes examples) go
 * through `encodeSymbols` / `decodeSymbols` without any splitting.
 *
 * @example
 * const tok = WordLevelTokenizer.fromSymbols(['<unk>', 'a', 'b'], { unk: '<unk>' });
 * tok.encode('a b a');                       // [1, 2, 1]
 * tok.encode('a c', { allowUnknown: true }); // [1, 0]
 * tok.decode([2, 1]);                        // 'b a'
 */
export class WordLevelTokenizer implements Tokenizer {
  readonly kind = 'word-level';
  readonly size: number;
  readonly specialTokens: SpecialTokens;
  readonly #symbols: readonly string[];
  readonly #ids: ReadonlyMap<string, number>;

  private constructor(symbols: readonly string[], specials: SpecialSymbols) {
    this.#symbols = Object.freeze([...symbols]);
    const ids = new Map<string, number>();
    symbols.forEach((s, i) => ids.set(s, i));
    this.#ids = ids;
    this.size = symbols.length;
    this.specialTokens = resolveSpecials(specials, (s) => this.idOf(s));
  }

  /**
   * Builds a tokenizer whose ids are the indices of `symbols`. Symbols must be distinct, non-empty
   * and free of whitespace (so that `encode(decode(ids))` gives the ids back); special tokens name
   * symbols of the list.
   *
   * @example
   * const tok = WordLevelTokenizer.fromSymbols(['[PAD]', '[BOS]', '0', '1'], { pad: '[PAD]', bos: '[BOS]' });
   * tok.specialTokens; // { bos: 1, pad: 0 }
   */
  static fromSymbols(symbols: readonly string[], specials: SpecialSymbols = {}): WordLevelTokenizer {
    if (!Array.isArray(symbols)) throw new TokenizerArgumentError('symbols', 'an array of strings', show(symbols));
    const seen = new Map<string, number>();
    symbols.forEach((s: unknown, i) => {
      if (typeof s !== 'string' || s.length === 0 || WHITESPACE.test(s)) {
        throw new TokenizerArgumentError(`symbols[${i}]`, 'a non-empty string without whitespace', show(s));
      }
      const before = seen.get(s);
      if (before !== undefined) {
        throw new TokenizerArgumentError(`symbols[${i}]`, `distinct from every other symbol`, `${show(s)}, which is also symbols[${before}]`);
      }
      seen.set(s, i);
    });
    for (const role of SPECIAL_ROLES) {
      const name = specials[role];
      if (name !== undefined && !seen.has(name)) {
        throw new TokenizerArgumentError(`specials.${role}`, 'one of the symbols', show(name));
      }
    }
    return new WordLevelTokenizer(symbols, specials);
  }

  /** The symbols in id order (a frozen copy). */
  get symbols(): readonly string[] {
    return this.#symbols;
  }

  /** Splits `text` on whitespace and maps each word to its id; the error position is the word's index. */
  encode(text: string, options: EncodeOptions = {}): number[] {
    if (typeof text !== 'string') throw new TokenizerArgumentError('text', 'a string', show(text));
    const words = text.split(WHITESPACE).filter((w) => w.length > 0);
    return Array.from(this.encodeSymbols(words, options));
  }

  /**
   * Maps symbols to ids, one for one, with no splitting. An unknown symbol throws
   * UnknownSymbolError with its index, unless `allowUnknown` and the vocabulary has an unknown token.
   *
   * @example
   * malachProductTokenizer().encodeSymbols(['[BOS]', '4x8']); // Int32Array [1, 65]
   */
  encodeSymbols(symbols: readonly string[], options: EncodeOptions = {}): Int32Array {
    const out = new Int32Array(symbols.length);
    const unk = options.allowUnknown === true ? this.specialTokens.unk : undefined;
    for (let i = 0; i < symbols.length; i++) {
      const s = symbols[i]!;
      const id = this.#ids.get(s);
      if (id !== undefined) out[i] = id;
      else if (unk !== undefined) out[i] = unk;
      else throw new UnknownSymbolError(s, i, this.kind);
    }
    return out;
  }

  /**
   * Maps ids to their symbols, one for one.
   *
   * @example
   * malachProductTokenizer().decodeSymbols([1, 65]); // ['[BOS]', '4x8']
   */
  decodeSymbols(ids: ArrayLike<number>): string[] {
    const out = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const s = this.#symbols[id];
      if (s === undefined || !Number.isInteger(id)) throw new UnknownIdError(id, i, this.size);
      out[i] = s;
    }
    return out;
  }

  /** Joins the ids' symbols with single spaces. */
  decode(ids: ArrayLike<number>): string {
    return this.decodeSymbols(ids).join(' ');
  }

  idOf(symbol: string): number {
    return idInVocab(this.#ids, symbol, this.kind);
  }

  symbolOf(id: number): string {
    return symbolInVocab(this.#symbols, id);
  }

  /** Hugging Face `tokenizer.json` (WordLevel model, WhitespaceSplit pre-tokenizer). */
  toJSON(): unknown {
    const vocab = vocabRecord(this.#symbols);
    const specialIds = [...new Set(Object.values(this.specialTokens) as number[])].sort((a, b) => a - b);
    const unk = this.specialTokens.unk;
    return {
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: specialIds.map((id) => hfAddedToken(id, this.#symbols[id]!)),
      normalizer: null,
      pre_tokenizer: { type: 'WhitespaceSplit' },
      post_processor: null,
      decoder: null,
      model: { type: 'WordLevel', vocab, unk_token: unk === undefined ? '[UNK]' : this.#symbols[unk]! },
    };
  }
}

/** A Hugging Face `added_tokens` entry for a special token. */
export function hfAddedToken(id: number, content: string): Record<string, unknown> {
  return { id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true };
}
