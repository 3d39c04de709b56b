// A "run": a rule that keeps its state and moves (`B 1 → 1 R B`) repeats while the head meets the
// symbol it read. On a two-symbol tape the end of the run is the next cell holding the other
// symbol, which the engine's native `indexOf`/`lastIndexOf` find (memchr speed) and `fill`
// rewrites: BB(5) spends 99.9% of its 47,176,870 steps in 12,228 runs of 3,854 cells on average.

/** Cells a run walks one by one before handing the rest to the native scan (calls cost ~20 steps). */
export const RUN_SCAN_AFTER = 16;

/**
 * Moves the head over the rest of a run on a two-symbol tape: every cell from `h` on (in
 * direction `d`) that holds `c` is rewritten to `w`, one step each, at most `n` steps. Returns
 * the new head; the steps taken are |new head − h|. The caller guarantees h ± n stays inside.
 */
export function skipRun(cells: Uint8Array, h: number, c: number, w: number, d: number, n: number): number {
  if (d > 0) {
    let end = cells.indexOf(1 - c, h);
    if (end < 0 || end - h > n) end = h + n;
    if (w !== c) cells.fill(w, h, end);
    return end;
  }
  let end = cells.lastIndexOf(1 - c, h);
  if (h - end > n) end = h - n;
  if (w !== c) cells.fill(w, end + 1, h + 1);
  return end;
}

/**
 * Generated code of one fused run rule (the first step is always taken): a JavaScript loop for
 * up to {@link RUN_SCAN_AFTER} cells, then, on a two-symbol tape, the native scan inline (same
 * as {@link skipRun}). Leaves `h` and `n` updated.
 */
export function fusedRunSource(c: number, w: number, d: number, numSymbols: number): string {
  const store = w === c ? '' : `cells[h] = ${w}; `;
  const step = d > 0 ? 'h++; ' : 'h--; ';
  if (numSymbols !== 2) return `do { ${store}${step}n--; } while (n > 0 && cells[h] === ${c});`;
  const other = 1 - c;
  const skip =
    d > 0
      ? `let e = cells.indexOf(${other}, h); if (e < 0 || e - h > n) e = h + n; ${w === c ? '' : `cells.fill(${w}, h, e); `}n -= e - h; h = e;`
      : `let e = cells.lastIndexOf(${other}, h); if (h - e > n) e = h - n; ${w === c ? '' : `cells.fill(${w}, e + 1, h + 1); `}n -= h - e; h = e;`;
  return `{ let r = ${RUN_SCAN_AFTER}; do { ${store}${step}n--; } while (n > 0 && cells[h] === ${c} && --r > 0); if (r === 0 && n > 0 && cells[h] === ${c}) { ${skip} } }`;
}
