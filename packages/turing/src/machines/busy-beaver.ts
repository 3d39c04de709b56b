import { parseCompact } from '../compact.js';
import type { MachineSpec } from '../spec.js';

/** A busy-beaver step-count champion and the figures it is known for. */
export interface BusyBeaver {
  readonly states: number;
  readonly compact: string;
  /** S(n): steps to halt from a blank tape, the halting transition included. */
  readonly steps: number;
  /** Non-blank cells (ones) left on the tape. */
  readonly ones: number;
  readonly source: string;
}

/**
 * The 2-symbol busy-beaver step champions for 2–5 states, in bbchallenge.org's notation.
 * S(2) = 6 and S(3) = 21 (Lin & Rado 1965); S(4) = 107 with 13 ones (Brady 1983);
 * S(5) = 47,176,870 with 4,098 ones (Marxen & Buntrock 1990; proved maximal by bbchallenge, 2024).
 */
export const BUSY_BEAVERS: readonly BusyBeaver[] = [
  { states: 2, compact: '1RB1LB_1LA1RZ', steps: 6, ones: 4, source: 'Rado 1962; Lin & Rado 1965' },
  { states: 3, compact: '1RB1RZ_1LB0RC_1LC1LA', steps: 21, ones: 5, source: 'Lin & Rado 1965' },
  { states: 4, compact: '1RB1LB_1LA0LC_1RZ1LD_1RD0RA', steps: 107, ones: 13, source: 'Brady 1983' },
  { states: 5, compact: '1RB1LC_1RC1RB_1RD0LE_1LA1LD_1RZ0LA', steps: 47_176_870, ones: 4098, source: 'Marxen & Buntrock 1990; bbchallenge 2024' },
];

/** The spec of the n-state champion (n = 2 … 5), named `bbN`. */
export function busyBeaverSpec(bb: BusyBeaver): MachineSpec {
  return {
    ...parseCompact(bb.compact, { name: `bb${bb.states}` }),
    description: `${bb.states}-state busy-beaver step champion: ${bb.steps.toLocaleString('en-US')} steps, ${bb.ones} ones (${bb.source})`,
  };
}
