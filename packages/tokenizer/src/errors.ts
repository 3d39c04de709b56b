/**
 * Errors of @cotlab/tokenizer. Each is a class with fields, and its message names the argument,
 * what was expected and what was received.
 */

/** Base class of every error this package throws. */
export class TokenizerError extends Error {
  override name = 'TokenizerError';
}

/** A symbol (word, character, piece) that the vocabulary does not have. */
export class UnknownSymbolError extends TokenizerError {
  override name = 'UnknownSymbolError';
  constructor(
    /** The symbol that is not in the vocabulary. */
    readonly symbol: string,
    /** Its position in the input: a symbol index for symbol arrays, a character offset for text; -1 when looked up alone. */
    readonly position: number,
    /** The tokenizer's kind, e.g. `word-level`. */
    readonly tokenizer: string,
  ) {
    super(
      position < 0
        ? `tokenizer (${tokenizer}): unknown symbol ${JSON.stringify(symbol)}: it is not in the vocabulary`
        : `tokenizer (${tokenizer}): unknown symbol ${JSON.stringify(symbol)} at position ${position}: it is not in the vocabulary` +
            ' (pass { allowUnknown: true } to map it to the unknown token, if the vocabulary has one)',
    );
  }
}

/** An id outside [0, size) or not an integer. */
export class UnknownIdError extends TokenizerError {
  override name = 'UnknownIdError';
  constructor(
    readonly id: number,
    /** Position in the id array, or -1 when looked up alone. */
    readonly position: number,
    readonly size: number,
  ) {
    super(
      `tokenizer: id ${id}${position < 0 ? '' : ` at position ${position}`} is not a token id: expected an integer in [0, ${size - 1}]`,
    );
  }
}

/** A function argument that is out of range or malformed (checked before any work starts). */
export class TokenizerArgumentError extends TokenizerError {
  override name = 'TokenizerArgumentError';
  constructor(
    /** The argument's name, e.g. `vocabSize`. */
    readonly argument: string,
    /** What was expected. */
    readonly expected: string,
    /** What was received, as shown to the user. */
    readonly received: string,
  ) {
    super(`tokenizer: ${argument} must be ${expected}, got ${received}`);
  }
}

/** A tokenizer file (tokenizer.json, llama2.c tokenizer.bin, …) that cannot be read as one. */
export class MalformedTokenizerFileError extends TokenizerError {
  override name = 'MalformedTokenizerFileError';
  constructor(
    /** The file's path or a label such as `<tokenizer.json>` when read from memory. */
    readonly file: string,
    /** What is wrong with it. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`tokenizer: ${file} is not a valid tokenizer file: ${reason}`, options);
  }
}

/** Shows a value in an error message, short. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}

/** `Array.isArray` without type narrowing, for validating arguments already typed as arrays. */
export function isArrayValue(value: unknown): boolean {
  return Array.isArray(value);
}
