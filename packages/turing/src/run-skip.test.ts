import { describe, expect, it } from 'vitest';
import { skipRun } from './run-skip.js';

/** The reference: one step per cell, as the plain kernel walks a run. */
function walk(cells: Uint8Array, h: number, c: number, w: number, d: number, n: number): number {
  while (n > 0 && cells[h] === c) {
    cells[h] = w;
    h += d;
    n--;
  }
  return h;
}

describe('skipRun', () => {
  it('matches a cell-by-cell walk in both directions, with and without rewriting, for every budget', () => {
    const tape = Uint8Array.from([0, 1, 1, 1, 1, 0, 1, 1, 0, 0, 1, 1, 1, 0]);
    for (let h = 1; h < tape.length - 1; h++) {
      for (const d of [1, -1]) {
        const room = d > 0 ? tape.length - 1 - h : h;
        for (let n = 0; n <= room; n++) {
          for (const c of [0, 1]) {
            if (tape[h] !== c) continue;
            for (const w of [0, 1]) {
              const a = tape.slice();
              const b = tape.slice();
              expect(skipRun(a, h, c, w, d, n), `h=${h} d=${d} n=${n} c=${c} w=${w}`).toBe(walk(b, h, c, w, d, n));
              expect(a).toEqual(b);
            }
          }
        }
      }
    }
  });
});
