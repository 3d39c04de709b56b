/** A head move: left, right, or stay. */
export type Move = 'L' | 'R' | 'S';

/** The moves, in the order their tables use (index − 1 is the head offset). */
export const MOVES: readonly Move[] = ['L', 'S', 'R'];

/** One rule `(state, read) → (write, move, next)`. */
export interface TransitionSpec {
  /** The state the machine is in. */
  readonly state: string;
  /** The symbol under the head. */
  readonly read: string;
  /** The symbol written in its place. */
  readonly write: string;
  /** Where the head goes next. */
  readonly move: Move;
  /** The state the machine enters. */
  readonly next: string;
}

/**
 * A one-tape deterministic Turing machine as plain, JSON-serialisable data.
 *
 * Symbols and state names are non-empty strings without whitespace. The tape alphabet holds the
 * blank and the input alphabet (which does not hold the blank). Halting states come in three kinds:
 * `accept`, `reject` and `halt` (neutral: the busy beavers' `Z`); they have no transitions.
 * A running state with no rule for the symbol it reads also halts: the run is then not accepted,
 * and its result says `reason: 'no-transition'` and names the missing rule.
 *
 * @example
 * const flip: MachineSpec = {
 *   states: ['q0', 'done'], inputAlphabet: ['0', '1'], tapeAlphabet: ['_', '0', '1'], blank: '_',
 *   start: 'q0', accept: ['done'],
 *   transitions: [
 *     { state: 'q0', read: '0', write: '1', move: 'R', next: 'q0' },
 *     { state: 'q0', read: '1', write: '0', move: 'R', next: 'q0' },
 *     { state: 'q0', read: '_', write: '_', move: 'S', next: 'done' },
 *   ],
 * };
 */
export interface MachineSpec {
  readonly name?: string;
  readonly description?: string;
  /** Every state, halting ones included. */
  readonly states: readonly string[];
  /** Symbols an input word may hold. */
  readonly inputAlphabet: readonly string[];
  /** Every symbol the tape may hold: the blank, the input alphabet and any work symbols. */
  readonly tapeAlphabet: readonly string[];
  /** The symbol of every cell not yet written. */
  readonly blank: string;
  /** The state the machine starts in, with the head on the first input cell (position 0). */
  readonly start: string;
  /** Accepting halting states. */
  readonly accept?: readonly string[];
  /** Rejecting halting states. */
  readonly reject?: readonly string[];
  /** Neutral halting states (neither accept nor reject). */
  readonly halt?: readonly string[];
  readonly transitions: readonly TransitionSpec[];
}

/** What kind of state a state is. */
export type StateKind = 'running' | 'accept' | 'reject' | 'halt';

/** Why a run stopped. */
export type StopReason =
  /** It entered a halting state (accept, reject or halt). */
  | 'halt-state'
  /** A running state had no rule for the symbol under the head: the machine halts and rejects. */
  | 'no-transition'
  /** The step limit was reached first: the configuration is partial, not halted. */
  | 'step-limit'
  /** The caller's AbortSignal stopped the run at a safe point: the configuration is partial. */
  | 'aborted';
