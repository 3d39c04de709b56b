/** The ten digit symbols, indexed by value. */
export const DIGITS: readonly string[] = Object.freeze(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** Every cotlab vocabulary starts with these: `[UNK]` id 0 (also padding), `[BOS]` id 1. */
export const UNK = '[UNK]';
export const BOS = '[BOS]';
export const SPECIAL_SYMBOLS: readonly string[] = Object.freeze([UNK, BOS]);

/**
 * The `count` lowest decimal digits of a non-negative integer, least significant first.
 * @example digitsLsb(1234, 6) // [4, 3, 2, 1, 0, 0]
 */
export function digitsLsb(x: number, count: number): number[] {
  const out = new Array<number>(count);
  let v = x;
  for (let i = 0; i < count; i++) {
    const q = Math.floor(v / 10);
    out[i] = v - q * 10;
    v = q;
  }
  return out;
}

/** Digit symbols of `x`, most significant first, zero-padded to `count` digits. */
export function symbolsMsb(x: number, count: number): string[] {
  return digitsLsb(x, count)
    .reverse()
    .map((d) => DIGITS[d]!);
}

/** Digit symbols of `x`, least significant first, zero-padded to `count` digits. */
export function symbolsLsb(x: number, count: number): string[] {
  return digitsLsb(x, count).map((d) => DIGITS[d]!);
}

/** True when every symbol is a single decimal digit. */
export function allDigits(symbols: readonly string[]): boolean {
  for (const s of symbols) if (s.length !== 1 || s < '0' || s > '9') return false;
  return true;
}

/**
 * The `count` symbols after the `occurrence`-th (1-based) `marker` in `symbols` if they are all
 * digits, else undefined. The parser every `answerOf` uses.
 */
export function digitsAfter(symbols: readonly string[], marker: string | undefined, occurrence: number, count: number): string[] | undefined {
  let start = 0;
  if (marker !== undefined) {
    let seen = 0;
    start = -1;
    for (let i = 0; i < symbols.length; i++) {
      if (symbols[i] === marker && ++seen === occurrence) {
        start = i + 1;
        break;
      }
    }
    if (start < 0) return undefined;
  }
  if (start + count > symbols.length) return undefined;
  const out = symbols.slice(start, start + count);
  return allDigits(out) ? out : undefined;
}

/** Joins symbols with single spaces. */
export function spaced(symbols: readonly string[]): string {
  return symbols.join(' ');
}
