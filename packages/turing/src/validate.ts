import { SpecError, type SpecProblem } from './errors.js';
import type { MachineSpec } from './spec.js';

const SPEC_KEYS = new Set(['name', 'description', 'states', 'inputAlphabet', 'tapeAlphabet', 'blank', 'start', 'accept', 'reject', 'halt', 'transitions']);
const TRANSITION_KEYS = new Set(['state', 'read', 'write', 'move', 'next']);
const HALT_KINDS = ['accept', 'reject', 'halt'] as const;

/** Tape symbols are stored in a byte per cell. */
export const MAX_SYMBOLS = 256;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A valid name or symbol: a non-empty string without whitespace. */
function nameProblem(value: unknown, what: string): string | undefined {
  if (typeof value !== 'string') return `expected ${what} (a string), got ${describe(value)}`;
  if (value === '') return `expected ${what}, got the empty string`;
  if (/\s/u.test(value)) return `${what} '${value}' contains whitespace`;
  return undefined;
}

/** Checks a list of distinct names; returns the valid ones. */
function nameList(spec: Record<string, unknown>, key: string, what: string, problems: SpecProblem[], required: boolean): string[] {
  const value = spec[key];
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) {
    problems.push({ path: key, message: `expected an array of ${what}s, got ${describe(value)}` });
    return [];
  }
  const seen = new Set<string>();
  const out: string[] = [];
  value.forEach((item: unknown, i) => {
    const bad = nameProblem(item, what);
    if (bad !== undefined) problems.push({ path: `${key}[${i}]`, message: bad });
    else if (seen.has(item as string)) problems.push({ path: `${key}[${i}]`, message: `${what} '${item as string}' is listed twice` });
    else {
      seen.add(item as string);
      out.push(item as string);
    }
  });
  return out;
}

/**
 * Checks a machine description (typically parsed JSON) and returns every problem found, each with
 * the path of the bad field; an empty list means the spec is valid. Checks the shape of every
 * field, that every state and symbol a rule names is declared, that halting states have no rules,
 * and that no `(state, read)` pair has two rules.
 *
 * @example
 * validateSpec({ ...spec, transitions: [{ state: 'q0', read: '0', write: '1', move: 'R', next: 'q9' }] });
 * // → [{ path: 'transitions[0].next', message: "state 'q9' is not declared" }]
 */
export function validateSpec(value: unknown): SpecProblem[] {
  const problems: SpecProblem[] = [];
  if (!isRecord(value)) return [{ path: '', message: `expected a machine spec object, got ${describe(value)}` }];
  for (const key of Object.keys(value)) {
    if (!SPEC_KEYS.has(key)) problems.push({ path: key, message: `unknown field; expected one of ${[...SPEC_KEYS].join(', ')}` });
  }
  for (const key of ['name', 'description'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') problems.push({ path: key, message: `expected a string, got ${describe(value[key])}` });
  }
  const states = nameList(value, 'states', 'state name', problems, true);
  if (Array.isArray(value['states']) && value['states'].length === 0) problems.push({ path: 'states', message: 'expected at least one state, got none' });
  const tape = nameList(value, 'tapeAlphabet', 'symbol', problems, true);
  const input = nameList(value, 'inputAlphabet', 'symbol', problems, true);
  const stateSet = new Set(states);
  const tapeSet = new Set(tape);
  if (tape.length > MAX_SYMBOLS) problems.push({ path: 'tapeAlphabet', message: `expected at most ${MAX_SYMBOLS} symbols, got ${tape.length}` });

  const blank = value['blank'];
  const blankBad = nameProblem(blank, 'the blank symbol');
  if (blankBad !== undefined) problems.push({ path: 'blank', message: blankBad });
  else if (Array.isArray(value['tapeAlphabet']) && !tapeSet.has(blank as string)) {
    problems.push({ path: 'blank', message: `blank '${blank as string}' is not in tapeAlphabet` });
  }
  input.forEach((symbol, i) => {
    if (symbol === blank) problems.push({ path: `inputAlphabet[${i}]`, message: `the blank '${symbol}' may not be an input symbol` });
    else if (Array.isArray(value['tapeAlphabet']) && !tapeSet.has(symbol)) problems.push({ path: `inputAlphabet[${i}]`, message: `symbol '${symbol}' is not in tapeAlphabet` });
  });

  const start = value['start'];
  const startBad = nameProblem(start, 'a state name');
  if (startBad !== undefined) problems.push({ path: 'start', message: startBad });
  else if (!stateSet.has(start as string)) problems.push({ path: 'start', message: `state '${start as string}' is not declared` });

  const haltingKind = new Map<string, string>();
  for (const kind of HALT_KINDS) {
    nameList(value, kind, 'state name', problems, false).forEach((state, i) => {
      if (!stateSet.has(state)) problems.push({ path: `${kind}[${i}]`, message: `state '${state}' is not declared` });
      const other = haltingKind.get(state);
      if (other !== undefined) problems.push({ path: `${kind}[${i}]`, message: `state '${state}' is already listed in ${other}` });
      else haltingKind.set(state, kind);
    });
  }

  const transitions = value['transitions'];
  if (!Array.isArray(transitions)) {
    problems.push({ path: 'transitions', message: `expected an array of rules, got ${describe(transitions)}` });
    return problems;
  }
  const firstRule = new Map<string, number>();
  transitions.forEach((rule: unknown, i) => {
    const at = `transitions[${i}]`;
    if (!isRecord(rule)) {
      problems.push({ path: at, message: `expected a rule { state, read, write, move, next }, got ${describe(rule)}` });
      return;
    }
    for (const key of Object.keys(rule)) {
      if (!TRANSITION_KEYS.has(key)) problems.push({ path: `${at}.${key}`, message: 'unknown field; expected state, read, write, move, next' });
    }
    for (const key of ['state', 'next'] as const) {
      const bad = nameProblem(rule[key], 'a state name');
      if (bad !== undefined) problems.push({ path: `${at}.${key}`, message: bad });
      else if (!stateSet.has(rule[key] as string)) problems.push({ path: `${at}.${key}`, message: `state '${rule[key] as string}' is not declared` });
    }
    for (const key of ['read', 'write'] as const) {
      const bad = nameProblem(rule[key], 'a symbol');
      if (bad !== undefined) problems.push({ path: `${at}.${key}`, message: bad });
      else if (!tapeSet.has(rule[key] as string)) problems.push({ path: `${at}.${key}`, message: `symbol '${rule[key] as string}' is not in tapeAlphabet` });
    }
    const move = rule['move'];
    if (move !== 'L' && move !== 'R' && move !== 'S') problems.push({ path: `${at}.move`, message: `expected 'L', 'R' or 'S', got ${describe(move)}` });
    if (typeof rule['state'] === 'string') {
      const kind = haltingKind.get(rule['state']);
      if (kind !== undefined) problems.push({ path: `${at}.state`, message: `'${rule['state']}' is a halting state (${kind}) and may have no rules` });
      if (typeof rule['read'] === 'string') {
        const key = JSON.stringify([rule['state'], rule['read']]);
        const first = firstRule.get(key);
        if (first !== undefined) {
          problems.push({ path: at, message: `a second rule for (state '${rule['state']}', read '${rule['read']}'); the first is transitions[${first}]` });
        } else firstRule.set(key, i);
      }
    }
  });
  return problems;
}

/**
 * Returns `value` as a MachineSpec when it is valid, or throws a SpecError listing every problem.
 *
 * @example
 * const spec = parseSpec(JSON.parse(readFileSync('flip.json', 'utf8')));
 */
export function parseSpec(value: unknown): MachineSpec {
  const problems = validateSpec(value);
  if (problems.length > 0) throw new SpecError(problems);
  return value as MachineSpec;
}
