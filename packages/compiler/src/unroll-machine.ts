import { CircuitBuilder, type ThresholdCircuit } from '@cotlab/corpus';
import { compileMachine, type CompiledMachine, type MachineSpec } from '@cotlab/turing';
import { checkInt } from './errors.js';

/** Bounds of an unrolled run: a window of tape cells and a number of steps. */
export interface MachineBounds {
  /** Tape cells in the window. */
  cells: number;
  /** Cells of the window left of the first input cell (the head starts at window cell `left`). */
  left: number;
  /** Steps unrolled; a machine that halts earlier keeps its configuration (the circuit idles). */
  steps: number;
}

/** Largest cells × steps unrolled: beyond, the circuit has millions of gates. */
export const MAX_UNROLL_CELL_STEPS = 1 << 16;

/**
 * A Turing machine's run unrolled into a threshold circuit. Inputs are the one-hot initial tape,
 * input `p·Γ + a` = [window cell p holds symbol a] (symbols in `machine.symbols` order, blank
 * first). Outputs are the final one-hot tape (same order), then the one-hot final state.
 */
export interface UnrolledMachine {
  readonly circuit: ThresholdCircuit;
  readonly machine: CompiledMachine;
  readonly bounds: MachineBounds;
  /** Gates per simulated step (the same for every step). */
  readonly gatesPerStep: number;
}

/**
 * Unrolls `bounds.steps` steps of a one-tape machine on a window of `bounds.cells` cells into a
 * threshold circuit (the route from a polynomial-time Turing machine to a polynomial-size circuit,
 * hence to a linear predictor). Per step, with head bits hₚ, state bits q_s and cell bits c_{p,a}:
 * read_a = ∨ₚ (hₚ ∧ c_{p,a}); one gate τ per rule (q ∧ read_a); A = ∨τ (the machine moved);
 * written symbol, move and next state are ORs of rules; a cell under the head is rewritten
 * (c'_{p,a} = [c_{p,a} − eₚ + 2·(eₚ ∧ W_a) ≥ 1] with eₚ = hₚ ∧ A); the head shifts; a halted
 * machine (A = 0) keeps its configuration. A head leaving the window is lost (no cell reads it),
 * so runs must stay inside the bounds; {@link machineBoundsFor} measures them.
 *
 * @example unrollMachine(getMachine('parity').spec, { cells: 5, left: 0, steps: 5 }).circuit.gates.length
 */
export function unrollMachine(spec: MachineSpec | CompiledMachine, bounds: MachineBounds): UnrolledMachine {
  const cells = checkInt('bounds.cells', bounds.cells, 1);
  const left = checkInt('bounds.left', bounds.left, 0, cells - 1);
  const steps = checkInt('bounds.steps', bounds.steps, 0, Math.floor(MAX_UNROLL_CELL_STEPS / cells));
  const m = 'numSymbols' in spec ? spec : compileMachine(spec);
  const G = m.numSymbols;
  const Q = m.numStates;
  const b = new CircuitBuilder(`${m.spec.name ?? 'machine'}-unrolled-${cells}x${steps}`, cells * G);
  const TRUE = b.gate([], 0, 'true');
  const FALSE = b.gate([], 1, 'false');
  let c: number[][] = Array.from({ length: cells }, (_, p) => Array.from({ length: G }, (_, a) => p * G + a));
  let h: number[] = Array.from({ length: cells }, (_, p) => (p === left ? TRUE : FALSE));
  let q: number[] = Array.from({ length: Q }, (_, s) => (s === m.start ? TRUE : FALSE));
  const rules: { state: number; read: number; write: number; move: number; next: number }[] = [];
  for (let s = 0; s < Q; s++) {
    for (let a = 0; a < G; a++) {
      const k = s * G + a;
      const next = m.next[k]!;
      if (next >= 0) rules.push({ state: s, read: a, write: m.write[k]!, move: m.move[k]!, next });
    }
  }
  let perStep = 0;
  for (let t = 0; t < steps; t++) {
    const at = b.size;
    const r = c.map((row, p) => row.map((cell, a) => b.gate([[h[p]!, 1], [cell, 1]], 2, `t${t} h${p}∧c${p}=${m.symbols[a]}`)));
    const read = Array.from({ length: G }, (_, a) => b.gate(r.map((row) => [row[a]!, 1] as const), 1, `t${t} read ${m.symbols[a]}`));
    const tau = rules.map((rule) => b.gate([[q[rule.state]!, 1], [read[rule.read]!, 1]], 2, `t${t} rule ${m.states[rule.state]} ${m.symbols[rule.read]}`));
    const orOf = (pick: (rule: (typeof rules)[number]) => boolean, label: string): number =>
      b.gate(
        tau.flatMap((g, i) => (pick(rules[i]!) ? [[g, 1] as const] : [])),
        1,
        label,
      );
    const A = orOf(() => true, `t${t} moved`);
    const W = Array.from({ length: G }, (_, a) => orOf((rule) => rule.write === a, `t${t} write ${m.symbols[a]}`));
    const ML = orOf((rule) => rule.move === -1, `t${t} move L`);
    const MS = orOf((rule) => rule.move === 0, `t${t} move S`);
    const MR = orOf((rule) => rule.move === 1, `t${t} move R`);
    const e = h.map((hp, p) => b.gate([[hp, 1], [A, 1]], 2, `t${t} write at ${p}`));
    const we = e.map((ep, p) => W.map((wa, a) => b.gate([[ep, 1], [wa, 1]], 2, `t${t} write ${m.symbols[a]} at ${p}`)));
    const nc = c.map((row, p) => row.map((cell, a) => b.gate([[cell, 1], [e[p]!, -1], [we[p]![a]!, 2]], 1, `t${t + 1} c${p}=${m.symbols[a]}`)));
    const nh = h.map((hp, p) => {
      const terms: (readonly [number, number])[] = [];
      if (p > 0) terms.push([b.gate([[h[p - 1]!, 1], [MR, 1]], 2, `t${t} from ${p - 1} R`), 1]);
      if (p < cells - 1) terms.push([b.gate([[h[p + 1]!, 1], [ML, 1]], 2, `t${t} from ${p + 1} L`), 1]);
      terms.push([b.gate([[hp, 1], [MS, 1], [A, -1]], 1, `t${t} stay ${p}`), 1]);
      return b.gate(terms, 1, `t${t + 1} h${p}`);
    });
    const nq = q.map((qs, s) => {
      const stay = b.gate([[qs, 1], [A, -1]], 1, `t${t} keep ${m.states[s]}`);
      const terms: (readonly [number, number])[] = [[stay, 1]];
      tau.forEach((g, i) => {
        if (rules[i]!.next === s) terms.push([g, 1]);
      });
      return b.gate(terms, 1, `t${t + 1} state ${m.states[s]}`);
    });
    c = nc;
    h = nh;
    q = nq;
    perStep = b.size - at;
  }
  for (const row of c) for (const cell of row) b.output(cell);
  for (const qs of q) b.output(qs);
  return { circuit: b.build(), machine: m, bounds: { cells, left, steps }, gatesPerStep: perStep };
}
