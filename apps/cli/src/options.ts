import { UsageError, type ParsedValues } from './command.js';

/** Reads a string option, or undefined when absent. */
export function stringOption(values: ParsedValues, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new UsageError(`--${name} takes one value`);
  return value;
}

/** Reads an integer option within [min, max]; names the option and the bad value when it is not. */
export function intOption(values: ParsedValues, name: string, fallback: number, min = -Infinity, max = Infinity): number {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Infinity ? `an integer ≥ ${min}` : `an integer in [${min}, ${max}]`;
    throw new UsageError(`--${name} must be ${range}, got '${raw}'`);
  }
  return n;
}

/** Reads a finite number option; names the option and the bad value when it is not. */
export function numberOption(values: ParsedValues, name: string, fallback: number): number {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got '${raw}'`);
  return n;
}

/** Reads an option restricted to a list of choices, listing them when the value is not one. */
export function choiceOption<T extends string>(values: ParsedValues, name: string, choices: readonly T[], fallback: T): T {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}; got '${raw}'`);
  }
  return raw as T;
}
