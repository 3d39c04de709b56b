/**
 * Every error the evaluator throws on bad input: it names the argument, what was expected and
 * what was received, e.g. `evaluator: 'n' must be an integer ≥ 1, got 0`.
 */
export class EvaluatorError extends Error {
  override readonly name: string = 'EvaluatorError';
  /** The argument or field at fault, e.g. `n` or `preset.train.lr`. */
  readonly argument: string;
  /** What was expected, in words. */
  readonly expected: string;
  /** What was received, as printed. */
  readonly received: string;

  constructor(argument: string, expected: string, received: unknown, options?: { cause?: unknown }) {
    const shown = describe(received);
    super(`evaluator: '${argument}' must be ${expected}, got ${shown}`, options);
    this.argument = argument;
    this.expected = expected;
    this.received = shown;
  }
}

/** A reproduction preset cannot run on this backend (for example it needs more memory than WebAssembly has). */
export class BudgetError extends Error {
  override readonly name: string = 'BudgetError';
  /** Bytes the run needs. */
  readonly requiredBytes: number;
  /** Bytes the backend can address. */
  readonly availableBytes: number;
  readonly backend: string;

  constructor(what: string, requiredBytes: number, availableBytes: number, backend: string) {
    super(
      `evaluator: ${what} needs about ${formatBytes(requiredBytes)} of memory, but the '${backend}' backend can hold ` +
        `${formatBytes(availableBytes)}; stopped before allocating (use a native or GPU TensorFlow backend)`,
    );
    this.requiredBytes = requiredBytes;
    this.availableBytes = availableBytes;
    this.backend = backend;
  }
}

/** `6.2e9` → `5.8 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit] ?? 'B'}`;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return String(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Throws unless `value` is an integer in [min, max]. */
export function checkInteger(argument: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new EvaluatorError(argument, max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer in [${min}, ${max}]`, value);
  }
  return value;
}

/** Throws unless `value` is a finite number in (or at) the bounds. */
export function checkNumber(argument: string, value: unknown, min = -Infinity, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new EvaluatorError(argument, `a finite number in [${min}, ${max}]`, value);
  }
  return value;
}
