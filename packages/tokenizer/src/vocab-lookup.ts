import { UnknownIdError, UnknownSymbolError } from './errors.js';

/** The id of `symbol` in a vocabulary, or an UnknownSymbolError naming it (shared by every tokenizer). */
export function idInVocab(ids: ReadonlyMap<string, number>, symbol: string, kind: string): number {
  const id = ids.get(symbol);
  if (id === undefined) throw new UnknownSymbolError(symbol, -1, kind);
  return id;
}

/** The symbol of `id` in a vocabulary, or an UnknownIdError naming it. */
export function symbolInVocab(symbols: readonly string[], id: number): string {
  const s = Number.isInteger(id) ? symbols[id] : undefined;
  if (s === undefined) throw new UnknownIdError(id, -1, symbols.length);
  return s;
}

/** `{ symbol: id }`, the `model.vocab` of a Hugging Face tokenizer.json. */
export function vocabRecord(symbols: readonly string[]): Record<string, number> {
  const vocab: Record<string, number> = {};
  symbols.forEach((s, i) => (vocab[s] = i));
  return vocab;
}
