import { TokenizerArgumentError, UnknownIdError, UnknownSymbolError, show } from './errors.js';
import { resolveSpecials, SPECIAL_ROLES } from './special-tokens.js';
import type { EncodeOptions, SpecialSymbols, SpecialTokens, Tokenizer } from './tokenizer.js';
import { hfAddedToken } from './word-level.js';
import { idInVocab, symbolInVocab, vocabRecord } from './vocab-lookup.js';

export interface CharTokenizerOptions {
  /**
   * Special tokens, each a name that becomes an extra symbol placed before the characters
   * (in the order bos, eos, pad, unk; a name used by two roles is one symbol). They are never
   * produced from text: `encode` only maps characters.
   */
  specials?: SpecialSymbols;
  /**
   * For `fromCorpus`: the most ids the tokenizer may have, special tokens included. When the
   * corpus has more characters, the most frequent are kept (ties to the smaller code point) and
   * the rest need the unknown token, so `specials.unk` is required then.
   */
  maxSize?: number;
}

/**
 * One id per Unicode code point of an alphabet (plus optional special tokens first). Built from an
 * explicit alphabet or from a corpus (its distinct characters, sorted by code point, so the same
 * corpus always gives the same ids).
 *
 * @example
 * const tok = CharTokenizer.fromAlphabet('ab c');
 * tok.encode('a cab'); // [0, 2, 3, 0, 1]
 * tok.decode([3, 0]);  // 'ca'
 */
export class CharTokenizer implements Tokenizer {
  readonly kind = 'char';
  readonly size: number;
  readonly specialTokens: SpecialTokens;
  readonly #symbols: readonly string[];
  readonly #ids: ReadonlyMap<string, number>;
  readonly #specialIds: ReadonlySet<number>;

  private constructor(symbols: readonly string[], specials: SpecialSymbols) {
    this.#symbols = Object.freeze([...symbols]);
    const ids = new Map<string, number>();
    symbols.forEach((s, i) => ids.set(s, i));
    this.#ids = ids;
    this.size = symbols.length;
    this.specialTokens = resolveSpecials(specials, (s) => this.idOf(s));
    this.#specialIds = new Set(Object.values(this.specialTokens) as number[]);
  }

  /**
   * A tokenizer over the distinct code points of `alphabet`, in the order they first appear.
   *
   * @example
   * CharTokenizer.fromAlphabet('0123456789+=', { specials: { pad: '<pad>' } }).size; // 13
   */
  static fromAlphabet(alphabet: string | Iterable<string>, options: CharTokenizerOptions = {}): CharTokenizer {
    const chars: string[] = [];
    const seen = new Set<string>();
    let index = 0;
    for (const c of typeof alphabet === 'string' ? [alphabet] : alphabet) {
      if (typeof c !== 'string') throw new TokenizerArgumentError(`alphabet[${index}]`, 'a string', show(c));
      for (const ch of c) {
        if (!seen.has(ch)) {
          seen.add(ch);
          chars.push(ch);
        }
      }
      index++;
    }
    return CharTokenizer.#build(chars, options);
  }

  /**
   * A tokenizer over every code point that occurs in `texts`, sorted by code point.
   *
   * @example
   * CharTokenizer.fromCorpus(['hello', 'world']).decode([0, 1]); // 'de'
   */
  static fromCorpus(texts: Iterable<string>, options: CharTokenizerOptions = {}): CharTokenizer {
    const counter = new CharCounter(options);
    let index = 0;
    for (const text of texts) {
      if (typeof text !== 'string') throw new TokenizerArgumentError(`texts[${index}]`, 'a string', show(text));
      counter.add(text);
      index++;
    }
    return counter.build();
  }

  /** Builds from character counts (see {@link CharCounter}); options as for `fromCorpus`. */
  static fromCounts(counts: ReadonlyMap<string, number>, options: CharTokenizerOptions = {}): CharTokenizer {
    const specialCount = new Set(Object.values(options.specials ?? {})).size;
    let chars = [...counts.keys()];
    const { maxSize } = options;
    if (maxSize !== undefined && chars.length + specialCount > maxSize) {
      const byCodePoint = (a: string, b: string): number => a.codePointAt(0)! - b.codePointAt(0)!;
      chars = chars.sort((a, b) => counts.get(b)! - counts.get(a)! || byCodePoint(a, b)).slice(0, Math.max(0, maxSize - specialCount));
    }
    chars.sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
    return CharTokenizer.#build(chars, options);
  }

  /** Rebuilds a tokenizer from its exact symbol list (specials included, in id order). */
  static fromSymbols(symbols: readonly string[], specials: SpecialSymbols = {}): CharTokenizer {
    const seen = new Set<string>();
    const specialNames = new Set(Object.values(specials));
    symbols.forEach((s: unknown, i) => {
      if (typeof s !== 'string' || (!specialNames.has(s) && Array.from(s).length !== 1)) {
        throw new TokenizerArgumentError(`symbols[${i}]`, 'one Unicode code point (or a special token name)', show(s));
      }
      if (seen.has(s)) throw new TokenizerArgumentError(`symbols[${i}]`, 'distinct from every other symbol', show(s));
      seen.add(s);
    });
    for (const role of SPECIAL_ROLES) {
      const name = specials[role];
      if (name !== undefined && !seen.has(name)) throw new TokenizerArgumentError(`specials.${role}`, 'one of the symbols', show(name));
    }
    return new CharTokenizer(symbols, specials);
  }

  static #build(chars: readonly string[], { specials = {} }: CharTokenizerOptions): CharTokenizer {
    const names: string[] = [];
    for (const role of SPECIAL_ROLES) {
      const name = specials[role];
      if (name === undefined) continue;
      if (typeof name !== 'string' || name.length === 0) throw new TokenizerArgumentError(`specials.${role}`, 'a non-empty string', show(name));
      if (!names.includes(name)) names.push(name);
    }
    const clash = names.find((n) => chars.includes(n));
    if (clash !== undefined) {
      throw new TokenizerArgumentError('specials', 'names that are not characters of the alphabet', show(clash));
    }
    return new CharTokenizer([...names, ...chars], specials);
  }

  /** The symbols in id order (special token names first, then characters). */
  get symbols(): readonly string[] {
    return this.#symbols;
  }

  /** One id per code point; an unknown character's position is its UTF-16 offset in `text`. */
  encode(text: string, options: EncodeOptions = {}): number[] {
    if (typeof text !== 'string') throw new TokenizerArgumentError('text', 'a string', show(text));
    const unk = options.allowUnknown === true ? this.specialTokens.unk : undefined;
    const out: number[] = [];
    let offset = 0;
    for (const ch of text) {
      const id = this.#ids.get(ch);
      if (id !== undefined && !this.#specialIds.has(id)) out.push(id);
      else if (unk !== undefined) out.push(unk);
      else throw new UnknownSymbolError(ch, offset, this.kind);
      offset += ch.length;
    }
    return out;
  }

  /** Concatenates the ids' symbols (special tokens are written by name). */
  decode(ids: ArrayLike<number>): string {
    let out = '';
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      const s = Number.isInteger(id) ? this.#symbols[id] : undefined;
      if (s === undefined) throw new UnknownIdError(id, i, this.size);
      out += s;
    }
    return out;
  }

  idOf(symbol: string): number {
    return idInVocab(this.#ids, symbol, this.kind);
  }

  symbolOf(id: number): string {
    return symbolInVocab(this.#symbols, id);
  }

  /**
   * Hugging Face `tokenizer.json`: a BPE model with no merges (so every character is its own
   * token), no pre-tokenizer, and the `Fuse` decoder (concatenation).
   */
  toJSON(): unknown {
    const vocab = vocabRecord(this.#symbols);
    const specialIds = [...this.#specialIds].sort((a, b) => a - b);
    const unk = this.specialTokens.unk;
    return {
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: specialIds.map((id) => hfAddedToken(id, this.#symbols[id]!)),
      normalizer: null,
      pre_tokenizer: null,
      post_processor: null,
      decoder: { type: 'Fuse' },
      model: {
        type: 'BPE',
        dropout: null,
        unk_token: unk === undefined ? null : this.#symbols[unk]!,
        continuing_subword_prefix: null,
        end_of_word_suffix: null,
        fuse_unk: false,
        byte_fallback: false,
        ignore_merges: false,
        vocab,
        merges: [],
      },
    };
  }
}

/**
 * Counts characters of a text stream (for corpora read in pieces); `build()` makes the tokenizer.
 * Options are checked when the counter is made, before any text is read.
 *
 * @example
 * const counter = new CharCounter({ specials: { unk: '<unk>' }, maxSize: 64 });
 * counter.add('hello');
 * counter.build().size; // 5: <unk> h e l o
 */
export class CharCounter {
  readonly #counts = new Map<string, number>();
  readonly #options: CharTokenizerOptions;
  /** Special token names found in text are not counted as characters (e.g. `<|endoftext|>` separators). */
  readonly #specialNames: readonly string[];

  constructor(options: CharTokenizerOptions = {}) {
    const { maxSize, specials = {} } = options;
    const specialCount = new Set(Object.values(specials)).size;
    if (maxSize !== undefined && (!Number.isSafeInteger(maxSize) || maxSize <= specialCount)) {
      throw new TokenizerArgumentError('maxSize', `an integer > ${specialCount} (the number of special tokens)`, show(maxSize));
    }
    if (maxSize !== undefined && specials.unk === undefined) {
      throw new TokenizerArgumentError('specials.unk', 'set when maxSize may drop characters', 'undefined');
    }
    this.#options = options;
    this.#specialNames = [...new Set(Object.values(specials).filter((s): s is string => typeof s === 'string'))].sort((a, b) => b.length - a.length);
  }

  add(text: string): void {
    const counts = this.#counts;
    let t = text;
    for (const name of this.#specialNames) if (t.includes(name)) t = t.replaceAll(name, '');
    for (const ch of t) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }

  /** Distinct characters seen so far. */
  get distinct(): number {
    return this.#counts.size;
  }

  build(): CharTokenizer {
    return CharTokenizer.fromCounts(this.#counts, this.#options);
  }
}
