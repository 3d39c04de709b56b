export { version } from './version.js';
export type { EncodeOptions, SpecialSymbols, SpecialTokens, Tokenizer } from './tokenizer.js';
export { MalformedTokenizerFileError, TokenizerArgumentError, TokenizerError, UnknownIdError, UnknownSymbolError } from './errors.js';
export { CONVENTIONAL_SPECIAL_NAMES, SPECIAL_ROLES, type SpecialRole } from './special-tokens.js';
export { WordLevelTokenizer } from './word-level.js';
export { MALACH_PRODUCT_SYMBOLS, MALACH_PRODUCT_VOCAB_SIZE, malachProductTokenizer } from './malach-product.js';
export { CharTokenizer, type CharTokenizerOptions } from './char.js';
export {
  LLAMA2C_NORMALIZER,
  SENTENCEPIECE_JSON_TYPE,
  SPACE_SYMBOL,
  SentencePieceBpeTokenizer,
  UNK_SURFACE,
  type PieceType,
  type SentencePiece,
  type SentencePieceNormalizer,
} from './sentencepiece-bpe.js';
