import { defineEncoding, outcomeId, shouldStop } from './define.js';
import { SEP } from './tokens.js';

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
export const configurationSnapshots = defineEncoding({
  name: 'snapshots',
  summary: 'every configuration: the visited cells with the state before the head cell',
  lengthFormula: '≤ (t + 1)(s + 2) + 1',
  exactLength: false,
  length: (t, s) => (t + 1) * (s + 2) + 1,
  withMoves: false,
  *body(sim, ids, out, maxSteps, signal) {
    const sep = ids.special[SEP]!;
    for (;;) {
      const head = sim.head;
      const hi = sim.maxVisited;
      for (let p = sim.minVisited; p <= hi; p++) {
        if (p === head) out.push(ids.state + sim.stateIndex);
        out.push(ids.symbol + sim.readIndex(p));
      }
      out.push(sep);
      if (out.full) yield out.take();
      if (sim.halted || shouldStop(sim, maxSteps, signal) || !sim.step()) break;
    }
    const outcome = outcomeId(sim, ids);
    if (outcome !== undefined) out.push(outcome);
  },
});
