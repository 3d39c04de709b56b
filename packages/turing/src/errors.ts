/** One problem found in a machine spec: where (a JSON path such as `transitions[12].next`) and what. */
export interface SpecProblem {
  /** JSON path of the bad field, e.g. `transitions[12].next`; `''` for the spec itself. */
  readonly path: string;
  /** What is wrong, naming what was expected and what was found. */
  readonly message: string;
}

/** Base class of every error this package throws; `instanceof TuringError` catches them all. */
export class TuringError extends Error {
  override readonly name: string = 'TuringError';
}

/**
 * A machine spec (JSON or compact notation) failed validation. `problems` lists every problem
 * found, not just the first, each with the path of the bad field.
 */
export class SpecError extends TuringError {
  override readonly name = 'SpecError';
  readonly problems: readonly SpecProblem[];
  constructor(problems: readonly SpecProblem[], options?: ErrorOptions) {
    const head = problems.slice(0, 5).map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`));
    const more = problems.length > 5 ? `; … and ${problems.length - 5} more` : '';
    super(`turing: invalid machine spec (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${head.join('; ')}${more}`, options);
    this.problems = problems;
  }
}

/** An input word holds a symbol outside the machine's input alphabet. */
export class InputError extends TuringError {
  override readonly name = 'InputError';
  constructor(
    /** The offending symbol. */
    readonly symbol: string,
    /** Its 0-based position in the input word (in symbols). */
    readonly position: number,
    /** The machine's input alphabet. */
    readonly alphabet: readonly string[],
  ) {
    super(`turing: input symbol '${symbol}' at position ${position} is not in the input alphabet {${alphabet.join(', ')}}`);
  }
}

/** A machine name that the library does not hold; `available` lists the names it does. */
export class UnknownMachineError extends TuringError {
  override readonly name = 'UnknownMachineError';
  constructor(
    readonly requested: string,
    readonly available: readonly string[],
  ) {
    super(`turing: no machine named '${requested}'; available: ${available.join(', ')}`);
  }
}

/** An argument outside its allowed range or of the wrong kind. */
export class ArgumentError extends TuringError {
  override readonly name = 'ArgumentError';
  constructor(
    /** The argument's name, e.g. `maxSteps`. */
    readonly argument: string,
    /** What was expected, e.g. `an integer ≥ 0`. */
    readonly expected: string,
    /** What was received. */
    readonly received: unknown,
  ) {
    super(`turing: ${argument} must be ${expected}, got ${typeof received === 'string' ? `'${received}'` : String(received)}`);
  }
}

/** A machine whose state names or symbols collide with each other or with an encoding's tokens. */
export class EncodingError extends TuringError {
  override readonly name = 'EncodingError';
  constructor(
    /** The encoding's name. */
    readonly encoding: string,
    /** The token that two different things map to. */
    readonly token: string,
    /** The two things, e.g. `symbol 'L'` and `the move L`. */
    readonly clash: readonly [string, string],
  ) {
    super(`turing: encoding '${encoding}' cannot tell ${clash[0]} from ${clash[1]}: both are the token '${token}'`);
  }
}
