/** How much text the chunker hands over at a time (characters, roughly). */
export const DEFAULT_CHUNK_CHARS = 1 << 20;

const WS = /\s/u;

/**
 * Where `text` may be cut so that GPT-2-style pre-tokenisation of the two halves equals that of
 * the whole: just after a newline that sits between two non-whitespace characters. Returns the
 * cut offset, or -1 when there is none.
 */
export function safeCut(text: string): number {
  for (let nl = text.lastIndexOf('\n', text.length - 2); nl > 0; nl = text.lastIndexOf('\n', nl - 1)) {
    const before = text[nl - 1]!;
    const after = text[nl + 1]!;
    if (!WS.test(before) && !WS.test(after)) return nl + 1;
  }
  return -1;
}

/**
 * Re-chunks a stream of text pieces into pieces cut only at safe points (see {@link safeCut}),
 * each about `chunkChars` long; a stretch with no safe point is held until one comes.
 *
 * @example
 * for await (const piece of safeChunks(['a\nb', 'c\nd'])) console.log(piece);
 */
export async function* safeChunks(pieces: Iterable<string> | AsyncIterable<string>, chunkChars = DEFAULT_CHUNK_CHARS): AsyncGenerator<string> {
  let pending = '';
  // Typed as the async case (for-await takes both at run time): the element type of a union of
  // iterables was once inferred as `any` by the linter's type service, failing CI at random.
  for await (const piece of pieces as AsyncIterable<string>) {
    pending += piece;
    if (pending.length < chunkChars) continue;
    const cut = safeCut(pending);
    if (cut <= 0) continue;
    yield pending.slice(0, cut);
    pending = pending.slice(cut);
  }
  if (pending.length > 0) yield pending;
}
