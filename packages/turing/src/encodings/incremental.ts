import { defineEncoding, outcomeId, shouldStop } from './define.js';

/** Cells either side of the head that each step writes out. */
export const WINDOW_RADIUS = 1;
/** Tokens per configuration: 2·radius + 1 cells and the state. */
export const WINDOW_TOKENS = 2 * WINDOW_RADIUS + 2;

/**
 * (c) Incremental, in the style of "Turing programs" (Hou et al. 2024): after each step only the
 * neighbourhood of the head is written — the cells at head − 1, head, head + 1 with the state
 * token before the head cell. That window holds the one cell the step changed and the symbol the
 * next step reads, so a step is 4 tokens whatever the tape width: length exactly 4(t + 1) + 1
 * (the start window, t windows, the outcome).
 *
 * @example
 * [...incrementalWindows.encode(getMachine('parity').spec, '1')].join(' ');
 * // '_ q:even 1 _ 1 q:odd _ _ 1 q:yes _ _ <accept>'
 */
export const incrementalWindows = defineEncoding({
  name: 'incremental',
  summary: 'after each step only the cells around the head (head−1, head, head+1) and the state',
  lengthFormula: '4(t + 1) + 1',
  exactLength: true,
  length: (t) => WINDOW_TOKENS * (t + 1) + 1,
  withMoves: false,
  *body(sim, ids, out, maxSteps, signal) {
    for (;;) {
      const head = sim.head;
      for (let p = head - WINDOW_RADIUS; p <= head + WINDOW_RADIUS; p++) {
        if (p === head) out.push(ids.state + sim.stateIndex);
        out.push(ids.symbol + sim.readIndex(p));
      }
      if (out.full) yield out.take();
      if (sim.halted || shouldStop(sim, maxSteps, signal) || !sim.step()) break;
    }
    const outcome = outcomeId(sim, ids);
    if (outcome !== undefined) out.push(outcome);
  },
});
