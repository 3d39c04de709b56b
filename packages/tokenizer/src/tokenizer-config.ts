import { MalformedTokenizerFileError } from './errors.js';
import { SPECIAL_ROLES } from './special-tokens.js';
import type { SpecialSymbols, Tokenizer } from './tokenizer.js';

/**
 * The Hugging Face `tokenizer_config.json` that goes beside a `tokenizer.json`: it records which
 * token is BOS, EOS, PAD and UNK (tokenizer.json itself does not), so `transformers`'
 * `PreTrainedTokenizerFast.from_pretrained(dir)` and our loader recover the roles.
 *
 * @example
 * tokenizerConfig(malachProductTokenizer());
 * // { tokenizer_class: 'PreTrainedTokenizerFast', bos_token: '[BOS]', pad_token: '[UNK]', unk_token: '[UNK]' }
 */
export function tokenizerConfig(tokenizer: Tokenizer): Record<string, string> {
  const out: Record<string, string> = { tokenizer_class: 'PreTrainedTokenizerFast' };
  for (const role of SPECIAL_ROLES) {
    const id = tokenizer.specialTokens[role];
    if (id !== undefined) out[`${role}_token`] = tokenizer.symbolOf(id);
  }
  return out;
}

/** Reads the special-token roles from a `tokenizer_config.json` value (strings or `{ content }` objects). */
export function rolesFromTokenizerConfig(config: unknown, source = '<tokenizer_config.json>'): SpecialSymbols {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new MalformedTokenizerFileError(source, 'expected a JSON object');
  }
  const roles: SpecialSymbols = {};
  for (const role of SPECIAL_ROLES) {
    const value = (config as Record<string, unknown>)[`${role}_token`];
    if (value === undefined || value === null) continue;
    const content = typeof value === 'string' ? value : typeof value === 'object' ? (value as { content?: unknown }).content : undefined;
    if (typeof content !== 'string') throw new MalformedTokenizerFileError(source, `${role}_token must be a string or { content: string }`);
    roles[role] = content;
  }
  return roles;
}
