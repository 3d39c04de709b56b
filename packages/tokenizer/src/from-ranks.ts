import { bytesToSymbol } from './byte-level.js';
import { ByteLevelBpeTokenizer } from './byte-level-bpe.js';
import { MalformedTokenizerFileError } from './errors.js';
import type { SpecialSymbols } from './tokenizer.js';

/** One mergeable token of a tiktoken rank table: its text, or its bytes when they are not valid UTF-8. */
export type RankedToken = string | readonly number[];

/**
 * Builds a byte-level BPE tokenizer from a tiktoken-style rank table (index = rank = id; each
 * entry a token's bytes). Merges are recovered by running BPE on each token's bytes with the
 * lower ranks until two parts remain; those two are the merge that makes it.
 *
 * @example
 * const { default: ranks } = await import('gpt-tokenizer/bpeRanks/r50k_base');
 * const gpt2 = byteLevelBpeFromRanks(ranks, { '<|endoftext|>': 50256 }, { bos: '<|endoftext|>', eos: '<|endoftext|>' });
 */
export function byteLevelBpeFromRanks(
  ranks: readonly (RankedToken | undefined)[],
  specialTokens: Readonly<Record<string, number>>,
  roles: SpecialSymbols = {},
  source = '<rank table>',
): ByteLevelBpeTokenizer {
  const encoder = new TextEncoder();
  const size = Math.max(ranks.length, ...Object.values(specialTokens).map((id) => id + 1));
  const vocab = new Array<string>(size);
  const rankOf = new Map<string, number>();
  ranks.forEach((token, id) => {
    if (token === undefined) return;
    const symbol = bytesToSymbol(typeof token === 'string' ? encoder.encode(token) : token);
    vocab[id] = symbol;
    rankOf.set(symbol, id);
  });
  for (const [text, id] of Object.entries(specialTokens)) {
    if (vocab[id] !== undefined) throw new MalformedTokenizerFileError(source, `special token ${JSON.stringify(text)} has id ${id}, which is also a mergeable token`);
    vocab[id] = text;
  }
  const missing = vocab.findIndex((s) => s === undefined);
  if (missing >= 0 || vocab.length !== size) throw new MalformedTokenizerFileError(source, `id ${missing} has no token`);

  const merges: { rank: number; pair: [string, string] }[] = [];
  ranks.forEach((_, rank) => {
    const symbol = vocab[rank]!;
    if (symbol.length < 2) return;
    let parts = Array.from(symbol);
    while (parts.length > 2) {
      let best = -1;
      let bestRank = rank;
      for (let i = 0; i + 1 < parts.length; i++) {
        const r = rankOf.get(parts[i]! + parts[i + 1]!);
        if (r !== undefined && r < bestRank) {
          bestRank = r;
          best = i;
        }
      }
      if (best < 0) break;
      parts = [...parts.slice(0, best), parts[best]! + parts[best + 1]!, ...parts.slice(best + 2)];
    }
    if (parts.length !== 2) {
      throw new MalformedTokenizerFileError(source, `token ${rank} (${JSON.stringify(symbol)}) cannot be built by merging two lower-ranked tokens`);
    }
    merges.push({ rank, pair: [parts[0]!, parts[1]!] });
  });
  return new ByteLevelBpeTokenizer({
    vocab,
    merges: merges.map((m) => m.pair),
    specialTokens: Object.keys(specialTokens),
    roles,
  });
}
