import type { StateKind, StopReason } from './spec.js';

/** Part of a tape: `symbols[i]` is the cell at position `start + i` (position 0 = first input cell). */
export interface TapeSnapshot {
  readonly start: number;
  readonly symbols: readonly string[];
}

/** What a run ended with. */
export interface RunResult {
  /** Whether the machine halted (a halting state, or a missing rule); false at the step limit or on abort. */
  readonly halted: boolean;
  /** Whether it halted in an accepting state. */
  readonly accepted: boolean;
  /** Why it stopped. */
  readonly reason: StopReason;
  /** The state it stopped in. */
  readonly state: string;
  /** That state's kind. */
  readonly stateKind: StateKind;
  /** Transitions executed. */
  readonly steps: number;
  /** Head position (0 = the first input cell; negative to its left). */
  readonly head: number;
  /** The tape from the leftmost to the rightmost cell that is non-blank or under the head. */
  readonly tape: TapeSnapshot;
  /** The tape from its leftmost to its rightmost non-blank cell (blanks inside kept), as symbols. */
  readonly outputSymbols: readonly string[];
  /**
   * `outputSymbols` as text: joined with nothing when every tape symbol is one character, else
   * with single spaces.
   */
  readonly output: string;
  /** How many cells are not blank (the busy beavers' "ones"). */
  readonly nonBlank: number;
  /** With reason 'no-transition': the (state, symbol) pair that has no rule. */
  readonly missing?: { readonly state: string; readonly read: string };
}
