import { compileMachine } from '../compile.js';
import { Simulation } from '../simulation.js';
import { checkedMaxSteps } from '../trace.js';
import type { CotEncoding } from './encoding.js';
import { outcomeToken, SEP, tokenTables } from './tokens.js';

/**
 * (b) Configuration snapshots, the classic simulation: every configuration c₀ … c_t written as the
 * cells visited so far, with the state token placed just before the cell under the head, and
 * `<sep>` after each; then the outcome. Configuration i has wᵢ + 2 tokens (wᵢ ≤ s cells visited so
 * far), so the length is Σᵢ (wᵢ + 2) + 1 ≤ (t + 1)(s + 2) + 1, exact when the visited span never grows.
 * Each configuration follows from the previous one by a local rule — the easiest CoT to learn, and
 * the longest.
 *
 * @example
 * [...configurationSnapshots.encode(getMachine('parity').spec, '1')].join(' ');
 * // 'q:even 1 <sep> 1 q:odd _ <sep> 1 q:yes _ <sep> <accept>'
 */
export const configurationSnapshots: CotEncoding = {
  name: 'snapshots',
  summary: 'every configuration: the visited cells with the state before the head cell',
  lengthFormula: '≤ (t + 1)(s + 2) + 1',
  exactLength: false,
  length: (t, s) => (t + 1) * (s + 2) + 1,
  vocabulary: (machine) => [...tokenTables('snapshots', compileMachine(machine), false).vocabulary],
  *encode(machine, input = [], options = {}) {
    const m = compileMachine(machine);
    const maxSteps = checkedMaxSteps(options.maxSteps);
    const { states, symbols } = tokenTables('snapshots', m, false);
    const sim = new Simulation(m, input);
    const signal = options.signal;
    for (;;) {
      const head = sim.head;
      const hi = sim.maxVisited;
      for (let p = sim.minVisited; p <= hi; p++) {
        if (p === head) yield states[sim.stateIndex]!;
        yield symbols[sim.readIndex(p)]!;
      }
      yield SEP;
      if (sim.halted) break;
      if (signal?.aborted) {
        sim.markStopped('aborted');
        break;
      }
      if (sim.steps >= maxSteps) {
        sim.markStopped('step-limit');
        break;
      }
      if (!sim.step()) break;
    }
    const outcome = outcomeToken(sim);
    if (outcome !== undefined) yield outcome;
    return sim.result();
  },
};
