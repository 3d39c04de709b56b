/**
 * GPT-2's byte-level alphabet: every byte maps to one printable Unicode character, so a byte
 * string can be stored as a text token (`Ġ` for a space byte, `Ċ` for a newline). Bytes that are
 * printable Latin-1 (`!`–`~`, `¡`–`¬`, `®`–`ÿ`) map to themselves; the other 68 bytes map to
 * U+0100 onwards in byte order (GPT-2's `bytes_to_unicode` in encoder.py; Hugging Face's
 * ByteLevel pre-tokenizer uses the same table).
 */
function buildByteToChar(): string[] {
  const table = new Array<string>(256);
  let next = 256;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
    table[b] = String.fromCharCode(printable ? b : next++);
  }
  return table;
}

/** byte → its byte-level character. */
export const BYTE_TO_CHAR: readonly string[] = Object.freeze(buildByteToChar());

/** byte-level character → byte. */
export const CHAR_TO_BYTE: ReadonlyMap<string, number> = new Map(BYTE_TO_CHAR.map((c, b) => [c, b]));

/**
 * GPT-2's pre-tokenizer pattern (encoder.py; tiktoken's `r50k_base`): contractions, an optional
 * space then letters, numbers or other symbols, and whitespace runs (all but the last space
 * before a word).
 */
export const GPT2_PATTERN = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

/** The byte-level string of some bytes, e.g. `[0x20, 0x61]` → `Ġa`. */
export function bytesToSymbol(bytes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += BYTE_TO_CHAR[bytes[i]!]!;
  return s;
}

/** The bytes of a byte-level string, or undefined when a character is not in the alphabet. */
export function symbolToBytes(symbol: string): Uint8Array | undefined {
  const out = new Uint8Array(symbol.length);
  for (let i = 0; i < symbol.length; i++) {
    const b = CHAR_TO_BYTE.get(symbol[i]!);
    if (b === undefined) return undefined;
    out[i] = b;
  }
  return out;
}
