import { CompilerArgumentError } from './errors.js';

/**
 * A term of a threshold step: weight · [token at `pos` = `token`]. Positions index the whole
 * sequence (0 is `[BOS]`); tokens are ids of the program's vocabulary.
 */
export type Term = readonly [pos: number, token: number, weight: number];

/**
 * One generated token as a function of the tokens before it:
 * - `threshold`: emits `one` when Σ weight·[x_pos = token] ≥ threshold, else `zero` (a linear
 *   threshold gate over one-hot tokens: the theorem's unit of work);
 * - `constant`: always emits `token` (separators such as `=`);
 * - `select`: exactly one of the literals [x_pos = token] holds; emits its `emit` token (reading
 *   a one-hot group of gate values back as one symbol, e.g. a tape cell).
 */
export type Step =
  | { readonly kind: 'threshold'; readonly terms: readonly Term[]; readonly threshold: number; readonly one: number; readonly zero: number; readonly label?: string }
  | { readonly kind: 'constant'; readonly token: number; readonly label?: string }
  | { readonly kind: 'select'; readonly options: readonly (readonly [pos: number, token: number, emit: number])[]; readonly label?: string };

/**
 * A straight-line program that writes a chain of thought: given a prompt of `promptLength`
 * tokens (starting with `[BOS]`), step s emits the token at position `promptLength + s`, reading
 * only earlier positions. Every step is linear in the one-hot tokens, so the program is exactly a
 * linear next-token predictor ({@link toSparsePredictor}).
 */
export interface LinearProgram {
  readonly name: string;
  /** Symbols by id; `[UNK]` is 0 and `[BOS]` 1 as in every cotlab vocabulary. */
  readonly vocabulary: readonly string[];
  readonly promptLength: number;
  readonly steps: readonly Step[];
  /** Id of the token every sequence starts with (`[BOS]`), used as the constant feature. */
  readonly bos: number;
}

/** Total sequence length of a program: prompt plus generated tokens. */
export function programLength(program: LinearProgram): number {
  return program.promptLength + program.steps.length;
}

/**
 * Checks that every step reads only earlier positions and known tokens. Throws a
 * {@link CompilerArgumentError} naming the first bad step.
 *
 * @example validateProgram(compileCircuitProgram(parityCircuit(4)));
 */
export function validateProgram(program: LinearProgram): void {
  const V = program.vocabulary.length;
  const tok = (t: number, where: string): void => {
    if (!(Number.isInteger(t) && t >= 0 && t < V)) throw new CompilerArgumentError(where, `a token id in [0, ${V})`, t);
  };
  if (!(Number.isInteger(program.promptLength) && program.promptLength >= 1)) throw new CompilerArgumentError('promptLength', 'an integer ≥ 1', program.promptLength);
  tok(program.bos, 'bos');
  program.steps.forEach((s, k) => {
    const at = program.promptLength + k;
    const pos = (p: number, where: string): void => {
      if (!(Number.isInteger(p) && p >= 0 && p < at)) throw new CompilerArgumentError(where, `a position in [0, ${at}) (before step ${k})`, p);
    };
    if (s.kind === 'threshold') {
      tok(s.one, `steps[${k}].one`);
      tok(s.zero, `steps[${k}].zero`);
      if (!Number.isSafeInteger(s.threshold)) throw new CompilerArgumentError(`steps[${k}].threshold`, 'a safe integer', s.threshold);
      s.terms.forEach(([p, t, w], i) => {
        pos(p, `steps[${k}].terms[${i}]`);
        tok(t, `steps[${k}].terms[${i}]`);
        if (!Number.isSafeInteger(w)) throw new CompilerArgumentError(`steps[${k}].terms[${i}]`, 'a safe integer weight', w);
      });
    } else if (s.kind === 'constant') {
      tok(s.token, `steps[${k}].token`);
    } else {
      if (s.options.length === 0) throw new CompilerArgumentError(`steps[${k}].options`, 'at least one option', 0);
      s.options.forEach(([p, t, e], i) => {
        pos(p, `steps[${k}].options[${i}]`);
        tok(t, `steps[${k}].options[${i}]`);
        tok(e, `steps[${k}].options[${i}]`);
      });
    }
  });
}

/**
 * Runs a program directly (the reference the compiled weights are checked against): fills
 * positions `promptLength …` of a copy of `prompt` padded to the full length.
 *
 * @example runProgram(program, promptIds) // Int32Array of programLength(program) ids
 */
export function runProgram(program: LinearProgram, prompt: ArrayLike<number>): Int32Array {
  if (prompt.length !== program.promptLength) throw new CompilerArgumentError('prompt', `${program.promptLength} tokens`, `${prompt.length} tokens`);
  const seq = new Int32Array(programLength(program));
  for (let i = 0; i < prompt.length; i++) seq[i] = prompt[i]!;
  program.steps.forEach((s, k) => {
    const at = program.promptLength + k;
    if (s.kind === 'constant') seq[at] = s.token;
    else if (s.kind === 'threshold') {
      let sum = 0;
      for (const [p, t, w] of s.terms) if (seq[p] === t) sum += w;
      seq[at] = sum >= s.threshold ? s.one : s.zero;
    } else {
      const hit = s.options.find(([p, t]) => seq[p] === t);
      seq[at] = hit === undefined ? 0 : hit[2];
    }
  });
  return seq;
}
