/**
 * Base class of every error this package throws; `argument` names what was wrong.
 *
 * @example try { createTask('nope') } catch (e) { if (e instanceof CorpusError) e.argument; } // 'task'
 */
export class CorpusError extends Error {
  override readonly name: string = 'CorpusError';
  constructor(
    message: string,
    /** The argument or parameter at fault, e.g. `digits` or `format`. */
    readonly argument: string,
    options?: { cause?: unknown },
  ) {
    super(`corpus: ${message}`, options);
  }
}

/**
 * A parameter is unknown, has the wrong type or an impossible value. The message names the
 * parameter, what was expected and what was received.
 *
 * @example new InvalidParameterError('parity', 'n', 'an integer ≥ 1', 0)
 *   // corpus: task 'parity' needs n to be an integer ≥ 1, got 0
 */
export class InvalidParameterError extends CorpusError {
  override readonly name = 'InvalidParameterError';
  constructor(
    readonly task: string,
    argument: string,
    readonly expected: string,
    readonly received: unknown,
  ) {
    super(`task '${task}' needs ${argument} to be ${expected}, got ${show(received)}`, argument);
  }
}

/**
 * A name (task, format, parameter) is not one of the valid ones; the message lists them.
 *
 * @example new UnknownNameError('format', 'fancy', ['malach', 'deng']).message // corpus: unknown format 'fancy'; valid: malach, deng
 */
export class UnknownNameError extends CorpusError {
  override readonly name = 'UnknownNameError';
  constructor(
    readonly kind: string,
    readonly received: string,
    readonly valid: readonly string[],
    context = '',
  ) {
    super(`unknown ${kind} '${received}'${context}; valid: ${valid.join(', ')}`, kind);
  }
}

/**
 * A binary shard or JSONL file is not what this package writes.
 *
 * @example readShard('notes.txt') // throws MalformedDataError: notes.txt: not a cotlab shard …
 */
export class MalformedDataError extends CorpusError {
  override readonly name = 'MalformedDataError';
  constructor(
    readonly source: string,
    readonly detail: string,
  ) {
    super(`${source}: ${detail}`, 'source');
  }
}

/** Renders a received value for an error message. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}
