import { defineEncoding, outcomeId, shouldStop } from './define.js';

/** Tokens per step of the transition log: state, read, write, move. */
export const TRANSITION_TOKENS_PER_STEP = 4;

/**
 * (a) The transition log: per step the rule applied — `q:state read write move` — then the final
 * state and the outcome. Length exactly 4t + 2, independent of the tape width. Compact, but the
 * symbol read at each step must be recalled from wherever the head last wrote that cell.
 *
 * @example
 * [...transitionLog.encode(getMachine('parity').spec, '1')].join(' ');
 * // 'q:even 1 1 R q:odd _ _ S q:yes <accept>'
 */
export const transitionLog = defineEncoding({
  name: 'transitions',
  summary: 'per step the rule applied: state, read, write, move; then the final state',
  lengthFormula: '4t + 2',
  exactLength: true,
  length: (t) => TRANSITION_TOKENS_PER_STEP * t + 2,
  withMoves: true,
  *body(sim, ids, out, maxSteps, signal) {
    while (!sim.halted && !shouldStop(sim, maxSteps, signal)) {
      if (!sim.step()) break;
      out.push(ids.state + sim.lastState);
      out.push(ids.symbol + sim.lastRead);
      out.push(ids.symbol + sim.lastWrite);
      out.push(ids.move + sim.lastMove + 1);
      if (out.full) yield out.take();
    }
    const outcome = outcomeId(sim, ids);
    if (outcome !== undefined) {
      out.push(ids.state + sim.stateIndex);
      out.push(outcome);
    }
  },
});
