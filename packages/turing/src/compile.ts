import { SpecError } from './errors.js';
import { MOVES, type MachineSpec, type Move, type StateKind } from './spec.js';
import { validateSpec } from './validate.js';

/** State kinds as stored in {@link CompiledMachine.kind}. */
export const KIND_RUNNING = 0;
export const KIND_ACCEPT = 1;
export const KIND_REJECT = 2;
export const KIND_HALT = 3;
const KIND_NAMES: readonly StateKind[] = ['running', 'accept', 'reject', 'halt'];

/** `table` entry of a halting state or a missing rule. */
export const NO_RULE = -1;
/**
 * Bits of a packed entry: write symbol in bits 0–7, move + 1 in bits 8–9, a "run" flag in bit 10
 * (the rule keeps its state and moves: it repeats while the head meets the same symbol), the next
 * state's row base (state · numSymbols) from bit 11.
 */
export const ENTRY_MOVE_SHIFT = 8;
export const ENTRY_RUN_BIT = 1 << 10;
export const ENTRY_ROW_SHIFT = 11;
/** Largest states × symbols the packed table can address (row bases must fit in 20 bits). */
export const MAX_TABLE_CELLS = 1 << 20;

/**
 * A validated machine compiled to typed-array tables indexed by `state · numSymbols + symbol`.
 * Symbol 0 is always the blank; the other symbols follow `tapeAlphabet`'s order; states follow
 * `states`' order.
 */
export interface CompiledMachine {
  readonly spec: MachineSpec;
  readonly states: readonly string[];
  /** Tape symbols by index; `symbols[0]` is the blank. */
  readonly symbols: readonly string[];
  readonly numStates: number;
  readonly numSymbols: number;
  readonly start: number;
  /** Per state: KIND_RUNNING, KIND_ACCEPT, KIND_REJECT or KIND_HALT. */
  readonly kind: Uint8Array;
  /** Per (state, symbol): the symbol written (undefined where `next` is -1). */
  readonly write: Uint8Array;
  /** Per (state, symbol): the head offset −1, 0 or +1. */
  readonly move: Int8Array;
  /** Per (state, symbol): the next state, or -1 for a halting state or a missing rule. */
  readonly next: Int32Array;
  /**
   * Per (state, symbol): the rule packed in one integer for the fast loop,
   * `write | (move + 1) << 8 | run << 10 | (next · numSymbols) << 11`, or NO_RULE.
   */
  readonly table: Int32Array;
  /** Whether each input symbol (by symbol index) may appear in an input word. */
  readonly isInput: Uint8Array;
  stateIndex(name: string): number;
  symbolIndex(symbol: string): number;
  kindOf(state: number): StateKind;
}

/**
 * Validates a spec and compiles it to typed-array tables. Throws a SpecError listing every problem.
 * Compiling is cheap; reuse the result for many runs.
 *
 * @example
 * const m = compileMachine(spec);
 * m.next[m.start * m.numSymbols + m.symbolIndex('1')]; // the state after reading '1' at the start
 */
export function compileMachine(spec: MachineSpec | CompiledMachine): CompiledMachine {
  if (isCompiled(spec)) return spec;
  const problems = validateSpec(spec);
  if (problems.length > 0) throw new SpecError(problems);
  const states = [...spec.states];
  const symbols = [spec.blank, ...spec.tapeAlphabet.filter((s) => s !== spec.blank)];
  const numStates = states.length;
  const numSymbols = symbols.length;
  if (numStates * numSymbols > MAX_TABLE_CELLS) {
    throw new SpecError([{ path: 'states', message: `expected states × symbols ≤ ${MAX_TABLE_CELLS}, got ${numStates} × ${numSymbols}` }]);
  }
  const stateIds = new Map(states.map((s, i) => [s, i]));
  const symbolIds = new Map(symbols.map((s, i) => [s, i]));
  const kind = new Uint8Array(numStates);
  for (const s of spec.accept ?? []) kind[stateIds.get(s)!] = KIND_ACCEPT;
  for (const s of spec.reject ?? []) kind[stateIds.get(s)!] = KIND_REJECT;
  for (const s of spec.halt ?? []) kind[stateIds.get(s)!] = KIND_HALT;
  const cells = numStates * numSymbols;
  const write = new Uint8Array(cells);
  const move = new Int8Array(cells);
  const next = new Int32Array(cells).fill(-1);
  const table = new Int32Array(cells).fill(NO_RULE);
  for (const rule of spec.transitions) {
    const at = stateIds.get(rule.state)! * numSymbols + symbolIds.get(rule.read)!;
    const to = stateIds.get(rule.next)!;
    const w = symbolIds.get(rule.write)!;
    const m = MOVES.indexOf(rule.move) - 1;
    write[at] = w;
    move[at] = m;
    next[at] = to;
    const repeats = to === stateIds.get(rule.state)! && m !== 0;
    table[at] = w | ((m + 1) << ENTRY_MOVE_SHIFT) | (repeats ? ENTRY_RUN_BIT : 0) | ((to * numSymbols) << ENTRY_ROW_SHIFT);
  }
  const isInput = new Uint8Array(numSymbols);
  for (const s of spec.inputAlphabet) isInput[symbolIds.get(s)!] = 1;
  return {
    spec,
    states,
    symbols,
    numStates,
    numSymbols,
    start: stateIds.get(spec.start)!,
    kind,
    write,
    move,
    next,
    table,
    isInput,
    stateIndex: (name) => stateIds.get(name) ?? -1,
    symbolIndex: (symbol) => symbolIds.get(symbol) ?? -1,
    kindOf: (state) => KIND_NAMES[kind[state] ?? 0] ?? 'running',
  };
}

/** Whether a value is already a compiled machine. */
export function isCompiled(machine: MachineSpec | CompiledMachine): machine is CompiledMachine {
  return 'table' in machine && machine.table instanceof Int32Array;
}

/** The move letter of a head offset −1, 0, +1. */
export function moveName(offset: number): Move {
  return MOVES[offset + 1] ?? 'S';
}
