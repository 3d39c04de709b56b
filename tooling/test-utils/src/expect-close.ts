export interface Tolerance {
  /** Relative tolerance, scaled by |expected|. */
  rtol?: number;
  /** Absolute tolerance. */
  atol?: number;
}

type Numeric = number | ArrayLike<number> | readonly (number | ArrayLike<number>)[];

function flatten(value: Numeric, out: number[] = []): number[] {
  if (typeof value === 'number') {
    out.push(value);
    return out;
  }
  for (let i = 0; i < value.length; i++) flatten(value[i] as Numeric, out);
  return out;
}

/**
 * Asserts that `actual` and `expected` (numbers, arrays, typed arrays or nested arrays) have the
 * same number of elements and agree element-wise within `|a − e| ≤ atol + rtol·|e|`. NaN matches
 * only NaN; infinities match only themselves. The error names the first bad index and the worst one.
 *
 * @example expectClose(new Float32Array([1, 2.0000001]), [1, 2], { rtol: 1e-6 });
 */
export function expectClose(actual: Numeric, expected: Numeric, { rtol = 1e-5, atol = 1e-8 }: Tolerance = {}): void {
  const a = flatten(actual);
  const e = flatten(expected);
  if (a.length !== e.length) {
    throw new Error(`expectClose: length differs: actual has ${a.length} elements, expected ${e.length}`);
  }
  let bad = -1;
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = e[i] as number;
    if (Number.isNaN(x) || Number.isNaN(y)) {
      if (Number.isNaN(x) && Number.isNaN(y)) continue;
    } else if (!Number.isFinite(x) || !Number.isFinite(y)) {
      if (x === y) continue;
    } else {
      const excess = Math.abs(x - y) - (atol + rtol * Math.abs(y));
      if (excess <= 0) continue;
      if (excess > worstExcess) {
        worstExcess = excess;
        worst = i;
      }
    }
    if (bad < 0) bad = i;
    if (worst < 0) worst = i;
  }
  if (bad >= 0) {
    throw new Error(
      `expectClose: element ${bad} is ${a[bad]}, expected ${e[bad]} (rtol ${rtol}, atol ${atol}); ` +
        `worst is element ${worst}: ${a[worst]} vs ${e[worst]}`,
    );
  }
}
