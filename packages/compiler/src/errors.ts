/** Base class of every error this package throws; `argument` names what was wrong. */
export class CompilerError extends Error {
  override readonly name: string = 'CompilerError';
  constructor(
    message: string,
    /** The argument at fault, e.g. `bits` or `cells`. */
    readonly argument: string,
    options?: { cause?: unknown },
  ) {
    super(`compiler: ${message}`, options);
  }
}

/**
 * An argument has the wrong type or an impossible value: names it, what was expected and what
 * was received.
 *
 * @example new CompilerArgumentError('cells', 'an integer ≥ 1', 0)
 *   // compiler: cells must be an integer ≥ 1, got 0
 */
export class CompilerArgumentError extends CompilerError {
  override readonly name = 'CompilerArgumentError';
  constructor(
    argument: string,
    readonly expected: string,
    readonly received: unknown,
  ) {
    super(`${argument} must be ${expected}, got ${show(received)}`, argument);
  }
}

/** A compiled predictor is too large for the form asked for (e.g. the dense paper layout). */
export class CompiledSizeError extends CompilerError {
  override readonly name = 'CompiledSizeError';
  constructor(
    argument: string,
    readonly limit: number,
    readonly size: number,
    detail: string,
  ) {
    super(`${detail}: ${argument} must be at most ${limit}, got ${size}`, argument);
  }
}

function show(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number' || typeof v === 'boolean' || v === undefined || v === null) return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return typeof v;
  }
}

/** Checks an integer argument before any work starts. */
export function checkInt(argument: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new CompilerArgumentError(argument, max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer in [${min}, ${max}]`, value);
  }
  return value;
}
