import { EvaluatorError } from '../errors.js';

export type AxisValue = string | number | boolean;
/** Named axes of a grid, each a list of values, e.g. `{ format: ['malach', 'deng'], model: ['mlp'] }`. */
export type Axes = Record<string, readonly AxisValue[]>;
/** One point of the grid: a value per axis. */
export type Cell = Record<string, AxisValue>;

/**
 * Every combination of the axes' values, the first axis outermost (so a table reads in the
 * order the axes were given). Rejects empty axes and repeated values.
 *
 * @example gridCells({ format: ['malach', 'none'], seed: [1, 2] }).length; // 4
 */
export function gridCells(axes: Axes): Cell[] {
  const names = Object.keys(axes);
  if (names.length === 0) throw new EvaluatorError('axes', 'at least one axis', '{}');
  for (const name of names) {
    const values = axes[name]!;
    if (values.length === 0) throw new EvaluatorError(`axes.${name}`, 'a non-empty list of values', []);
    if (new Set(values.map(String)).size !== values.length) throw new EvaluatorError(`axes.${name}`, 'distinct values', values);
  }
  let cells: Cell[] = [{}];
  for (const name of names) {
    cells = cells.flatMap((cell) => axes[name]!.map((value) => ({ ...cell, [name]: value })));
  }
  return cells;
}

/**
 * A stable, file-name-safe id of a cell, e.g. `format-malach__model-mlp`.
 *
 * @example cellId({ format: 'malach', model: 'mlp' }); // 'format-malach__model-mlp'
 */
export function cellId(cell: Cell): string {
  return Object.entries(cell)
    .map(([k, v]) => `${k}-${String(v)}`.replace(/[^A-Za-z0-9._-]+/g, '_'))
    .join('__');
}
