import { compileMachine } from '../compile.js';
import { Simulation } from '../simulation.js';
import { checkedMaxSteps } from '../trace.js';
import type { CotEncoding } from './encoding.js';
import { outcomeToken, tokenTables } from './tokens.js';

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
export const incrementalWindows: CotEncoding = {
  name: 'incremental',
  summary: 'after each step only the cells around the head (head−1, head, head+1) and the state',
  lengthFormula: '4(t + 1) + 1',
  exactLength: true,
  length: (t) => WINDOW_TOKENS * (t + 1) + 1,
  vocabulary: (machine) => [...tokenTables('incremental', compileMachine(machine), false).vocabulary],
  *encode(machine, input = [], options = {}) {
    const m = compileMachine(machine);
    const maxSteps = checkedMaxSteps(options.maxSteps);
    const { states, symbols } = tokenTables('incremental', m, false);
    const sim = new Simulation(m, input);
    const signal = options.signal;
    for (;;) {
      const head = sim.head;
      for (let p = head - WINDOW_RADIUS; p <= head + WINDOW_RADIUS; p++) {
        if (p === head) yield states[sim.stateIndex]!;
        yield symbols[sim.readIndex(p)]!;
      }
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
