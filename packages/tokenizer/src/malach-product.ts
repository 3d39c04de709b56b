import { WordLevelTokenizer } from './word-level.js';

/** Digits of the multiplication vocabulary (Malach 2023, multiplication experiment). */
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * The symbols of the paper's 117-token multiplication vocabulary in id order: `[UNK]`, `[BOS]`,
 * digits, `( ) + x =`, then the 100 joined tokens `ixj` (i outer, j inner). Source: the paper's
 * released code, recorded in ../shared/golden/malach-product-vocab.json.
 */
export const MALACH_PRODUCT_SYMBOLS: readonly string[] = Object.freeze([
  '[UNK]',
  '[BOS]',
  ...DIGITS,
  '(',
  ')',
  '+',
  'x',
  '=',
  ...DIGITS.flatMap((i) => DIGITS.map((j) => `${i}x${j}`)),
]);

/** Size of the paper's multiplication vocabulary: 2 specials + 10 digits + 5 operators + 100 digit pairs. */
export const MALACH_PRODUCT_VOCAB_SIZE = 117;

let cached: WordLevelTokenizer | undefined;

/**
 * The paper's multiplication vocabulary: `[UNK]` is id 0 (the unknown token, and the id the
 * paper's model pads with), `[BOS]` is id 1.
 *
 * @example
 * const tok = malachProductTokenizer();
 * tok.size;                    // 117
 * tok.encode('[BOS] 1 2 = 4x8'); // [1, 3, 4, 16, 65]
 */
export function malachProductTokenizer(): WordLevelTokenizer {
  cached ??= WordLevelTokenizer.fromSymbols(MALACH_PRODUCT_SYMBOLS, { unk: '[UNK]', pad: '[UNK]', bos: '[BOS]' });
  return cached;
}
