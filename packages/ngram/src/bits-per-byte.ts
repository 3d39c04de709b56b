/** A held-out document as a model sees it: its token ids and its length in UTF-8 bytes. */
export interface EvalDocument {
  ids: ArrayLike<number>;
  bytes: number;
}

export interface BitsPerByte {
  /** Mean negative log-likelihood per predicted token, in nats. */
  lossPerToken: number;
  /** exp(lossPerToken). */
  perplexity: number;
  /** Total bits over total UTF-8 bytes: comparable across tokenizers. */
  bitsPerByte: number;
  tokens: number;
  bytes: number;
}

/**
 * Sums a per-document negative log-likelihood (nats) into loss per token and bits per byte.
 * Every token of each document is predicted (a BOS context is the scorer's business), so the
 * bits cover exactly the document's bytes.
 *
 * @example bitsPerByte(docs, (ids) => model.sequenceNll(ids));
 */
export function bitsPerByte(documents: Iterable<EvalDocument>, score: (ids: ArrayLike<number>) => { nll: number; tokens: number }): BitsPerByte {
  let nll = 0;
  let tokens = 0;
  let bytes = 0;
  for (const doc of documents) {
    const s = score(doc.ids);
    nll += s.nll;
    tokens += s.tokens;
    bytes += doc.bytes;
  }
  if (tokens === 0 || bytes === 0) throw new RangeError('ngram: bitsPerByte needs at least one token and one byte of held-out text');
  const lossPerToken = nll / tokens;
  return { lossPerToken, perplexity: Math.exp(lossPerToken), bitsPerByte: nll / Math.LN2 / bytes, tokens, bytes };
}

/** UTF-8 length of a string. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
