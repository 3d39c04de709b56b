import { KIND_ACCEPT, KIND_HALT, type CompiledMachine } from '../compile.js';
import { EncodingError } from '../errors.js';
import type { Simulation } from '../simulation.js';

/** Separates configurations in the snapshot encoding. */
export const SEP = '<sep>';
/** Outcome tokens that end every encoded run. */
export const ACCEPT = '<accept>';
export const REJECT = '<reject>';
export const HALT = '<halt>';
/** Ends a run cut off by the step limit: the CoT is partial, and says so. */
export const LIMIT = '<limit>';
/** Every special token, in vocabulary order. */
export const SPECIAL_TOKENS: readonly string[] = [SEP, ACCEPT, REJECT, HALT, LIMIT];
/** Move tokens (head offset −1, 0, +1). */
export const MOVE_TOKENS: readonly string[] = ['L', 'S', 'R'];
/** Prefix that turns a state name into its token, so states never collide with symbols. */
export const STATE_PREFIX = 'q:';

/** The token of a state. */
export function stateToken(state: string): string {
  return `${STATE_PREFIX}${state}`;
}

/** Token tables of one machine for one encoding, checked for collisions. */
export interface TokenTables {
  readonly states: readonly string[];
  readonly symbols: readonly string[];
  readonly vocabulary: readonly string[];
}

/**
 * Builds the vocabulary: special tokens, then state tokens, then symbols, then (when `withMoves`)
 * the moves. Throws an EncodingError when two of them are the same token.
 */
export function tokenTables(encoding: string, machine: CompiledMachine, withMoves: boolean): TokenTables {
  const states = machine.states.map(stateToken);
  const symbols = [...machine.symbols];
  const owner = new Map<string, string>();
  const add = (token: string, what: string): void => {
    const prior = owner.get(token);
    if (prior !== undefined) throw new EncodingError(encoding, token, [prior, what]);
    owner.set(token, what);
  };
  for (const t of SPECIAL_TOKENS) add(t, `the special token ${t}`);
  machine.states.forEach((s, i) => add(states[i]!, `state '${s}'`));
  for (const s of symbols) add(s, `symbol '${s}'`);
  if (withMoves) for (const t of MOVE_TOKENS) add(t, `the move ${t}`);
  return { states, symbols, vocabulary: [...owner.keys()] };
}

/** The token that ends an encoded run, or undefined when it was aborted (the stream just stops). */
export function outcomeToken(sim: Simulation): string | undefined {
  switch (sim.reason) {
    case 'halt-state': {
      const kind = sim.machine.kind[sim.stateIndex];
      return kind === KIND_ACCEPT ? ACCEPT : kind === KIND_HALT ? HALT : REJECT;
    }
    case 'no-transition':
      return REJECT;
    case 'step-limit':
      return LIMIT;
    default:
      return undefined;
  }
}
