import { compileMachine } from '../compile.js';
import { Simulation } from '../simulation.js';
import { checkedMaxSteps } from '../trace.js';
import type { CotEncoding } from './encoding.js';
import { MOVE_TOKENS, outcomeToken, tokenTables } from './tokens.js';

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
export const transitionLog: CotEncoding = {
  name: 'transitions',
  summary: 'per step the rule applied: state, read, write, move; then the final state',
  lengthFormula: '4t + 2',
  exactLength: true,
  length: (t) => TRANSITION_TOKENS_PER_STEP * t + 2,
  vocabulary: (machine) => [...tokenTables('transitions', compileMachine(machine), true).vocabulary],
  *encode(machine, input = [], options = {}) {
    const m = compileMachine(machine);
    const maxSteps = checkedMaxSteps(options.maxSteps);
    const { states, symbols } = tokenTables('transitions', m, true);
    const sim = new Simulation(m, input);
    const signal = options.signal;
    while (!sim.halted) {
      if (signal?.aborted) {
        sim.markStopped('aborted');
        break;
      }
      if (sim.steps >= maxSteps) {
        sim.markStopped('step-limit');
        break;
      }
      if (!sim.step()) break;
      yield states[sim.lastState]!;
      yield symbols[sim.lastRead]!;
      yield symbols[sim.lastWrite]!;
      yield MOVE_TOKENS[sim.lastMove + 1]!;
    }
    const outcome = outcomeToken(sim);
    if (outcome !== undefined) {
      yield states[sim.stateIndex]!;
      yield outcome;
    }
    return sim.result();
  },
};
