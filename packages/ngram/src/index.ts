export { version } from './version.js';
export { KneserNeyModel, type NGramOptions } from './kneser-ney.js';
export { bitsPerByte, utf8Length, type BitsPerByte, type EvalDocument } from './bits-per-byte.js';
export { textStats, words, type TextStats } from './text-stats.js';
export { MAX_TOKEN_ID } from './keys.js';
