import type { MachineSpec, Move, TransitionSpec } from '../spec.js';

/**
 * Reads rules written one per string as `state read -> write move next`, e.g. `q0 1 -> 0 L carry`.
 * `read` may list several symbols separated by commas; a write of `.` leaves the symbol unchanged.
 * Used to keep the library's machines readable; the result is an ordinary MachineSpec.
 */
export function rules(lines: readonly string[]): TransitionSpec[] {
  const out: TransitionSpec[] = [];
  for (const line of lines) {
    const m = /^(\S+)\s+(\S+)\s+->\s+(\S+)\s+([LRS])\s+(\S+)$/u.exec(line.trim());
    if (m === null) throw new Error(`turing: library rule '${line}' is not 'state read -> write move next'`);
    const [, state = '', reads = '', write = '', move = 'S', next = ''] = m;
    for (const read of reads.split(',')) out.push({ state, read, write: write === '.' ? read : write, move: move as Move, next });
  }
  return out;
}

/** Every state a list of rules names, in order of first appearance, then the extra ones. */
export function statesOf(transitions: readonly TransitionSpec[], extra: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const t of transitions) {
    seen.add(t.state);
    seen.add(t.next);
  }
  for (const s of extra) seen.add(s);
  return [...seen];
}

/** Builds a spec with states gathered from the rules. */
export function machine(fields: Omit<MachineSpec, 'states' | 'transitions'> & { rules: readonly string[] }): MachineSpec {
  const { rules: lines, ...rest } = fields;
  const transitions = rules(lines);
  const halting = [...(fields.accept ?? []), ...(fields.reject ?? []), ...(fields.halt ?? [])];
  return { ...rest, states: statesOf(transitions, [fields.start, ...halting]), transitions };
}
