import { InvalidParameterError, UnknownNameError } from './errors.js';

export type Params = Readonly<Record<string, unknown>>;

/** Rejects parameters the task does not know, listing the ones it does. */
export function checkKnown(task: string, params: Params, known: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (params[key] === undefined) continue;
    if (!known.includes(key)) throw new UnknownNameError('parameter', key, known, ` for task '${task}'`);
  }
}

/** Reads an integer parameter in [min, max], accepting numbers and decimal strings. */
export function intParam(task: string, params: Params, name: string, fallback: number | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = params[name];
  if (raw === undefined) {
    if (fallback === undefined) throw new InvalidParameterError(task, name, `an integer in [${min}, ${max}] (it is required)`, raw);
    return fallback;
  }
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer in [${min}, ${max}]`;
    throw new InvalidParameterError(task, name, range, raw);
  }
  return value;
}

/** Reads a choice parameter, listing the valid values when it is not one. */
export function choiceParam<T extends string>(task: string, params: Params, name: string, choices: readonly T[], fallback: T): T {
  const raw = params[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !(choices as readonly string[]).includes(raw)) {
    if (typeof raw === 'string') throw new UnknownNameError(name, raw, choices, ` for task '${task}'`);
    throw new InvalidParameterError(task, name, `one of ${choices.join(', ')}`, raw);
  }
  return raw as T;
}

/** Reads a boolean parameter (true/false or 'true'/'false'). */
export function boolParam(task: string, params: Params, name: string, fallback: boolean): boolean {
  const raw = params[name];
  if (raw === undefined) return fallback;
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  throw new InvalidParameterError(task, name, 'true or false', raw);
}

/**
 * Reads a digits parameter: `[n, m]`, `'NxM'`, or one number n meaning n×n.
 * @example digitsParam('multiplication', { digits: '4x4' }, 7) // [4, 4]
 */
export function digitsParam(task: string, params: Params, name: string, fallback: readonly [number, number], maxSum: number): [number, number] {
  const raw = params[name];
  let pair: [unknown, unknown];
  if (raw === undefined) pair = [fallback[0], fallback[1]];
  else if (typeof raw === 'number') pair = [raw, raw];
  else if (typeof raw === 'string') {
    const m = /^\s*(\d+)\s*(?:[x×*]\s*(\d+))?\s*$/i.exec(raw);
    if (m === null) throw new InvalidParameterError(task, name, `'NxM' with N, M ≥ 1 (e.g. '4x4')`, raw);
    pair = [Number(m[1]), Number(m[2] ?? m[1])];
  } else if (Array.isArray(raw) && raw.length === 2) pair = [raw[0], raw[1]];
  else throw new InvalidParameterError(task, name, `[n, m] or 'NxM' (e.g. '4x4')`, raw);
  const [n, m] = pair;
  if (typeof n !== 'number' || typeof m !== 'number' || !Number.isSafeInteger(n) || !Number.isSafeInteger(m) || n < 1 || m < 1) {
    throw new InvalidParameterError(task, name, 'two integers ≥ 1 (zero digits are impossible)', raw);
  }
  if (n + m > maxSum) throw new InvalidParameterError(task, name, `at most ${maxSum} digits in total (n + m ≤ ${maxSum})`, raw);
  return [n, m];
}
