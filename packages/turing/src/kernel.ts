import { ENTRY_MOVE_SHIFT, ENTRY_ROW_SHIFT, ENTRY_RUN_BIT, type CompiledMachine } from './compile.js';
import { RUN_SCAN_AFTER, skipRun } from './run-skip.js';

/**
 * Runs one chunk of a machine on a raw tape: at most `min(h, cells.length − 1 − h, budget)` steps,
 * so the head cannot leave the array and the loop needs no bounds check. Writes the head to
 * `out[0]`, the state row (state · numSymbols) to `out[1]`, and 1 to `out[2]` when it stopped
 * because the state has no rule for the symbol read (a halting state or a missing rule).
 * Returns the number of steps executed.
 */
export type Kernel = (cells: Uint8Array, h: number, row: number, budget: number, out: Int32Array) => number;

/** Which loop runs the steps: the general table-driven one, or JavaScript generated for the machine. */
export type Engine = 'table' | 'jit';

/** Options of the table kernel. */
export interface TableOptions {
  /**
   * Repeat a rule that keeps its state and moves (`B 1 → 1 R B`) in a tight loop while the head
   * meets the symbol it read, instead of one table lookup per step. Step counts are unchanged.
   * Default true.
   */
  fuseRuns?: boolean;
}

/**
 * The general kernel: one packed table lookup per step (per run of a repeating rule, with
 * `fuseRuns`).
 *
 * @example
 * const kernel = tableKernel(compileMachine(spec));
 */
export function tableKernel(machine: CompiledMachine, options: TableOptions = {}): Kernel {
  const table = machine.table;
  // Imported bindings are re-checked on each access inside a hot loop: copy them to locals.
  const moveShift = ENTRY_MOVE_SHIFT;
  const rowShift = ENTRY_ROW_SHIFT;
  const runBit = ENTRY_RUN_BIT;
  const binary = machine.numSymbols === 2;
  if (options.fuseRuns === false) {
    return (cells, h, row, budget, out) => {
      let n = Math.min(h, cells.length - 1 - h, budget);
      const planned = n;
      let blocked = 0;
      while (n > 0) {
        const e = table[row + cells[h]!]!;
        if (e < 0) {
          blocked = 1;
          break;
        }
        cells[h] = e & 0xff;
        h += ((e >> moveShift) & 3) - 1;
        row = e >> rowShift;
        n--;
      }
      out[0] = h;
      out[1] = row;
      out[2] = blocked;
      return planned - n;
    };
  }
  return (cells, h, row, budget, out) => {
    let n = Math.min(h, cells.length - 1 - h, budget);
    const planned = n;
    let blocked = 0;
    while (n > 0) {
      const c = cells[h]!;
      const e = table[row + c]!;
      if (e < 0) {
        blocked = 1;
        break;
      }
      const w = e & 0xff;
      const d = ((e >> moveShift) & 3) - 1;
      cells[h] = w;
      h += d;
      n--;
      if ((e & runBit) !== 0) {
        let r = RUN_SCAN_AFTER;
        while (n > 0 && cells[h] === c && r-- > 0) {
          cells[h] = w;
          h += d;
          n--;
        }
        if (binary && n > 0 && cells[h] === c) {
          const end = skipRun(cells, h, c, w, d, n);
          n -= d > 0 ? end - h : h - end;
          h = end;
        }
      }
      row = e >> rowShift;
    }
    out[0] = h;
    out[1] = row;
    out[2] = blocked;
    return planned - n;
  };
}
