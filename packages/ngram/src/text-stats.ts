/** Statistics of generated text that need no judge model. */
export interface TextStats {
  texts: number;
  /** Mean length in words (whitespace-separated). */
  meanWords: number;
  meanChars: number;
  /** Distinct word n-grams over all n-grams, pooled over all texts (Li et al. 2016), for n = 1..4. */
  distinct: { 1: number; 2: number; 3: number; 4: number };
  /** Fraction of word 4-grams that repeat an earlier 4-gram of the same text, averaged over texts. */
  repetition4: number;
}

export function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

function ngrams(tokens: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join('\u0001'));
  return out;
}

/**
 * distinct-n, repetition rate and mean length of a set of texts (e.g. sampled stories).
 *
 * @example textStats(['Once upon a time there was a cat.', 'The dog ran.']).distinct[2]
 */
export function textStats(texts: readonly string[]): TextStats {
  const tokenized = texts.map(words);
  const distinct = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const n of [1, 2, 3, 4] as const) {
    const all = tokenized.flatMap((t) => ngrams(t, n));
    distinct[n] = all.length === 0 ? 0 : new Set(all).size / all.length;
  }
  let repetition = 0;
  let counted = 0;
  for (const t of tokenized) {
    const grams = ngrams(t, 4);
    if (grams.length === 0) continue;
    const seen = new Set<string>();
    let repeats = 0;
    for (const g of grams) {
      if (seen.has(g)) repeats++;
      seen.add(g);
    }
    repetition += repeats / grams.length;
    counted++;
  }
  const n = Math.max(texts.length, 1);
  return {
    texts: texts.length,
    meanWords: tokenized.reduce((s, t) => s + t.length, 0) / n,
    meanChars: texts.reduce((s, t) => s + t.length, 0) / n,
    distinct,
    repetition4: counted === 0 ? 0 : repetition / counted,
  };
}
