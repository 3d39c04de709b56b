import { GPT2_END_OF_TEXT } from './bpe-train.js';
import type { ByteLevelBpeTokenizer } from './byte-level-bpe.js';
import { byteLevelBpeFromRanks } from './from-ranks.js';

/** GPT-2's vocabulary size: 50,000 merges + 256 bytes + `<|endoftext|>` (Radford et al. 2019; tiktoken r50k_base). */
export const GPT2_VOCAB_SIZE = 50_257;

/** Id of `<|endoftext|>` in GPT-2 (its BOS and EOS). */
export const GPT2_END_OF_TEXT_ID = 50_256;

let cached: Promise<ByteLevelBpeTokenizer> | undefined;

/**
 * GPT-2's byte-level BPE (tiktoken `r50k_base`, 50,257 tokens), with the ranks shipped by the
 * `gpt-tokenizer` npm package (loaded on first use, so bundles that never call this skip the
 * 0.6 MB table). `<|endoftext|>` (id 50256) is BOS and EOS.
 *
 * @example
 * const gpt2 = await gpt2Tokenizer();
 * gpt2.encode('Hello world'); // [15496, 995]
 */
export function gpt2Tokenizer(): Promise<ByteLevelBpeTokenizer> {
  cached ??= import('gpt-tokenizer/bpeRanks/r50k_base').then(({ default: ranks }) =>
    byteLevelBpeFromRanks(ranks, { [GPT2_END_OF_TEXT]: GPT2_END_OF_TEXT_ID }, { bos: GPT2_END_OF_TEXT, eos: GPT2_END_OF_TEXT }, 'gpt-tokenizer r50k_base'),
  );
  return cached;
}
