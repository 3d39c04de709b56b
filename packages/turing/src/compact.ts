import { SpecError, type SpecProblem } from './errors.js';
import type { MachineSpec, TransitionSpec } from './spec.js';

const STATE_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The undefined-transition marker of the compact notation. */
const UNDEFINED_RULE = '---';

/** Options for {@link parseCompact}. */
export interface CompactOptions {
  /** Name of the resulting spec. */
  name?: string;
  /** Kind of halting state a letter beyond the declared states becomes (default 'halt'). */
  haltKind?: 'halt' | 'accept';
}

/**
 * Whether a string looks like the compact notation (so the CLI can tell it from a name or a file).
 *
 * @example
 * isCompact('1RB1LB_1LA1RZ'); // true
 */
export function isCompact(text: string): boolean {
  return /^(?:[0-9][LR][A-Z]|---)+(?:_(?:[0-9][LR][A-Z]|---)+)*$/u.test(text.trim());
}

/**
 * Whether a string is meant as compact notation, even a malformed one: digits, capitals, `-`
 * and `_` only, with a digit or `-` first. Used to send `1RB1XA` to the compact parser (which
 * then points at the bad character) rather than treat it as a name or a file.
 *
 * @example
 * looksCompact('1RB1LB_1XA1RZ'); // true
 */
export function looksCompact(text: string): boolean {
  return /^[0-9-][0-9A-Z-]*(?:_[0-9A-Z-]+)*$/u.test(text.trim());
}

/**
 * Reads the compact notation of the busy-beaver community (bbchallenge.org): one group per state
 * (A, B, C, … in order) separated by `_`; in each group one rule per symbol (0, 1, … in order),
 * written as three characters — the symbol to write, the move L or R, the next state — or `---`
 * for no rule. A next-state letter beyond the declared states (conventionally `Z`) is a halting
 * state (kind 'halt' by default). Symbols are the digits `0` … `k−1`; `0` is the blank and the
 * others form the input alphabet. The machine starts in A. Steps count the halting transition,
 * as S(n) does. Throws a SpecError whose paths are `compact[i]`, i the character position.
 *
 * @example
 * const bb2 = parseCompact('1RB1LB_1LA1RZ');
 * bb2.states; // ['A', 'B', 'Z']
 */
export function parseCompact(text: string, options: CompactOptions = {}): MachineSpec {
  const source = text.trim();
  const problems: SpecProblem[] = [];
  const groups = source.split('_');
  const numStates = groups.length;
  const first = groups[0] ?? '';
  if (source === '') throw new SpecError([{ path: 'compact', message: 'expected groups of rules like 1RB1LB_1LA1RZ, got the empty string' }]);
  if (numStates > STATE_LETTERS.length - 1) problems.push({ path: 'compact', message: `expected at most ${STATE_LETTERS.length - 1} states, got ${numStates}` });
  const width = first.length;
  const numSymbols = width / 3;
  if (width === 0 || width % 3 !== 0 || numSymbols > 10) {
    problems.push({ path: 'compact[0]', message: `expected 3 characters per symbol (2 to 10 symbols) in each group, got a first group of ${width} characters` });
    throw new SpecError(problems);
  }
  const states = Array.from(STATE_LETTERS.slice(0, numStates));
  const symbols = Array.from({ length: numSymbols }, (_, i) => String(i));
  const halting: string[] = [];
  const transitions: TransitionSpec[] = [];
  let offset = 0;
  groups.forEach((group, g) => {
    if (group.length !== width) {
      problems.push({ path: `compact[${offset}]`, message: `state ${states[g] ?? g} has ${group.length} characters; expected ${width} like the first group` });
    }
    for (let s = 0; s * 3 < group.length; s++) {
      const rule = group.slice(s * 3, s * 3 + 3);
      const at = offset + s * 3;
      if (rule === UNDEFINED_RULE) continue;
      const [write = '', move = '', next = ''] = rule;
      if (!/^[0-9]$/u.test(write) || Number(write) >= numSymbols) problems.push({ path: `compact[${at}]`, message: `expected a symbol 0–${numSymbols - 1} to write, got '${write}'` });
      if (move !== 'L' && move !== 'R') problems.push({ path: `compact[${at + 1}]`, message: `expected a move L or R, got '${move}'` });
      if (!/^[A-Z]$/u.test(next)) problems.push({ path: `compact[${at + 2}]`, message: `expected a state letter A–Z, got '${next}'` });
      else if (STATE_LETTERS.indexOf(next) >= numStates && !halting.includes(next)) halting.push(next);
      transitions.push({ state: states[g]!, read: String(s), write, move: move as 'L' | 'R', next });
    }
    offset += group.length + 1;
  });
  if (problems.length > 0) throw new SpecError(problems);
  const kind = options.haltKind ?? 'halt';
  return {
    ...(options.name === undefined ? {} : { name: options.name }),
    states: [...states, ...halting.sort()],
    inputAlphabet: symbols.slice(1),
    tapeAlphabet: symbols,
    blank: '0',
    start: 'A',
    [kind]: halting,
    transitions,
  };
}

/**
 * Writes a machine in the compact notation when it has that shape: states named A, B, … (start A),
 * symbols '0' … 'k−1' with blank '0', moves L/R only, halting states named by letters after the
 * running ones. Throws a SpecError saying why otherwise.
 *
 * @example
 * toCompact(parseCompact('1RB1LB_1LA1RZ')); // '1RB1LB_1LA1RZ'
 */
export function toCompact(spec: MachineSpec): string {
  const halting = new Set([...(spec.accept ?? []), ...(spec.reject ?? []), ...(spec.halt ?? [])]);
  const running = spec.states.filter((s) => !halting.has(s));
  const problems: SpecProblem[] = [];
  running.forEach((s, i) => {
    if (s !== STATE_LETTERS[i]) problems.push({ path: 'states', message: `compact notation needs running states A, B, …; state ${i} is '${s}'` });
  });
  if (spec.start !== 'A') problems.push({ path: 'start', message: `compact notation starts in A, got '${spec.start}'` });
  const k = spec.tapeAlphabet.length;
  if (spec.blank !== '0' || spec.tapeAlphabet.some((s) => !/^[0-9]$/u.test(s) || Number(s) >= k)) {
    problems.push({ path: 'tapeAlphabet', message: `compact notation needs symbols 0–${k - 1} with blank 0` });
  }
  for (const h of halting) if (!/^[A-Z]$/u.test(h)) problems.push({ path: 'states', message: `halting state '${h}' is not a single letter` });
  spec.transitions.forEach((t, i) => {
    if (t.move === 'S') problems.push({ path: `transitions[${i}].move`, message: "compact notation has only moves L and R, got 'S'" });
  });
  if (problems.length > 0) throw new SpecError(problems);
  const rule = new Map(spec.transitions.map((t) => [`${t.state} ${t.read}`, `${t.write}${t.move}${t.next}`]));
  return running.map((s) => Array.from({ length: k }, (_, sym) => rule.get(`${s} ${sym}`) ?? UNDEFINED_RULE).join('')).join('_');
}
