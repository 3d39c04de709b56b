export { version } from './version.js';
export type { EncodeOptions, SpecialSymbols, SpecialTokens, Tokenizer } from './tokenizer.js';
export { MalformedTokenizerFileError, TokenizerArgumentError, TokenizerError, UnknownIdError, UnknownSymbolError } from './errors.js';
export { CONVENTIONAL_SPECIAL_NAMES, SPECIAL_ROLES, type SpecialRole } from './special-tokens.js';
export { WordLevelTokenizer } from './word-level.js';
export { MALACH_PRODUCT_SYMBOLS, MALACH_PRODUCT_VOCAB_SIZE, malachProductTokenizer } from './malach-product.js';
export { CharCounter, CharTokenizer, type CharTokenizerOptions } from './char.js';
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
export { sentencePieceFromModelProto } from './sentencepiece-model.js';
export { BYTE_TO_CHAR, CHAR_TO_BYTE, GPT2_PATTERN, bytesToSymbol, symbolToBytes } from './byte-level.js';
export { ByteLevelBpeTokenizer, PAIR_KEY_BASE, type ByteLevelBpeSpec } from './byte-level-bpe.js';
export {
  BYTE_ALPHABET_SIZE,
  BpeTrainer,
  DEFAULT_MIN_FREQUENCY,
  GPT2_END_OF_TEXT,
  TrainingAbortedError,
  trainByteLevelBpe,
  trainByteLevelBpeSync,
  type TrainBpeOptions,
  type TrainProgress,
} from './bpe-train.js';
export { byteLevelBpeFromRanks, type RankedToken } from './from-ranks.js';
export { GPT2_END_OF_TEXT_ID, GPT2_VOCAB_SIZE, gpt2Tokenizer } from './gpt2.js';
export { tokenizerFromJSON } from './from-json.js';
export { rolesFromTokenizerConfig, tokenizerConfig } from './tokenizer-config.js';
export { DEFAULT_CHUNK_CHARS, safeChunks, safeCut } from './text-chunks.js';
