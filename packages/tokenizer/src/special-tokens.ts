import type { SpecialSymbols, SpecialTokens } from './tokenizer.js';

/** The roles a special token can play. */
export const SPECIAL_ROLES = ['bos', 'eos', 'pad', 'unk'] as const;
export type SpecialRole = (typeof SPECIAL_ROLES)[number];

/**
 * Conventional names of special tokens, used to recover their roles from a Hugging Face
 * `tokenizer.json` (which stores the tokens but not their roles).
 */
export const CONVENTIONAL_SPECIAL_NAMES: Readonly<Record<SpecialRole, readonly string[]>> = {
  // GPT-2 uses <|endoftext|> as BOS too; it is tried last.
  bos: ['[BOS]', '<s>', '<bos>', '<|bos|>', '<|startoftext|>', '<|begin_of_text|>', '<|endoftext|>'],
  eos: ['[EOS]', '</s>', '<eos>', '<|eos|>', '<|endoftext|>', '<|end_of_text|>'],
  pad: ['[PAD]', '<pad>', '<|pad|>'],
  unk: ['[UNK]', '<unk>', '<|unk|>'],
};

/** Guesses special-token roles from conventional names present in a vocabulary. */
export function guessSpecialSymbols(has: (symbol: string) => boolean): SpecialSymbols {
  const out: SpecialSymbols = {};
  for (const role of SPECIAL_ROLES) {
    const found = CONVENTIONAL_SPECIAL_NAMES[role].find(has);
    if (found !== undefined) out[role] = found;
  }
  return out;
}

/** Resolves special symbols to ids with `idOf`, which throws for a symbol outside the vocabulary. */
export function resolveSpecials(specials: SpecialSymbols, idOf: (symbol: string) => number): SpecialTokens {
  const out: SpecialTokens = {};
  for (const role of SPECIAL_ROLES) {
    const symbol = specials[role];
    if (symbol !== undefined) out[role] = idOf(symbol);
  }
  return Object.freeze(out);
}
