/** Ids of the special tokens a vocabulary has; each is optional. */
export interface SpecialTokens {
  /** Beginning of sequence. */
  bos?: number;
  /** End of sequence. */
  eos?: number;
  /** Padding. */
  pad?: number;
  /** Stands for any symbol not in the vocabulary. */
  unk?: number;
}

/** Names (symbols) of the special tokens, as passed to constructors. */
export interface SpecialSymbols {
  bos?: string;
  eos?: string;
  pad?: string;
  unk?: string;
}

export interface EncodeOptions {
  /** Map symbols outside the vocabulary to the unknown token instead of throwing (needs an unknown token). */
  allowUnknown?: boolean;
}

/**
 * Symbols ⇄ ids. Every tokenizer of cotlab implements this.
 *
 * @example
 * const tok: Tokenizer = malachProductTokenizer();
 * tok.encode('[BOS] 1 2 x 3 4'); // [1, 3, 4, 15, 5, 6]
 * tok.decode([1, 3]);            // '[BOS] 1'
 */
export interface Tokenizer {
  /** Number of ids: every id is an integer in [0, size). */
  readonly size: number;
  /** Turns text into ids. Throws UnknownSymbolError (naming the symbol and its position) on a symbol it cannot encode, unless `allowUnknown` and the vocabulary has an unknown token. */
  encode(text: string, options?: EncodeOptions): number[];
  /** Turns ids back into text. Throws UnknownIdError on an id outside [0, size). */
  decode(ids: ArrayLike<number>): string;
  /** The id of one symbol of the vocabulary; throws UnknownSymbolError when it has none. */
  idOf(symbol: string): number;
  /** The symbol (token string as the vocabulary writes it) of an id; throws UnknownIdError. */
  symbolOf(id: number): string;
  /** Ids of the special tokens this vocabulary has. */
  readonly specialTokens: SpecialTokens;
  /** A JSON value that `tokenizerFromJSON` reads back: Hugging Face `tokenizer.json` where the model type allows. */
  toJSON(): unknown;
}
