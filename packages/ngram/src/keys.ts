/**
 * n-grams are kept as string keys of one UTF-16 code unit per token id: compact, hashed natively
 * by Map, and sliceable. Ids must therefore be < 65,536 (GPT-2's 50,257 fit).
 */
export const MAX_TOKEN_ID = 0xffff;

/** The key of `ids[start..end)`. */
export function keyOf(ids: ArrayLike<number>, start: number, end: number): string {
  let key = '';
  for (let i = start; i < end; i++) key += String.fromCharCode(ids[i] as number);
  return key;
}
