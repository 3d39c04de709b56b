import type { CellRecord } from '../sweep/run-sweep.js';

/** Schema tag of the theory experiments' reports. */
export const THEORY_REPORT_SCHEMA = 'cotlab-theory-report/1';

/** A compiled predictor checked against its reference (sizes and verdict). */
export interface CompiledCheck {
  target: string;
  n: number;
  gates: number;
  length: number;
  vocabSize: number;
  denseParameters: number;
  sparseParameters: number;
  checked: number;
  failures: number;
  exhaustive: boolean;
}

/** One aggregated row: a (size, format, model) cell averaged over seeds. */
export interface SummaryRow {
  n: number;
  format: string;
  model: string;
  cotLength: number;
  seeds: number;
  /** Mean held-out greedy exact match (CoT + answer) over the seeds that finished: the accuracy plotted. */
  testExact: number | null;
  /** Mean held-out answer accuracy given the correct CoT (teacher-forced). */
  testAnswer: number | null;
  /** Exact match on longer held-out inputs (trace experiment only). */
  longerExact?: number | null;
  trainExact: number | null;
  /** Seeds reaching 100% held-out exact match. */
  solved: number;
}

/** The JSON report of `cotlab reproduce parity` and `cotlab reproduce length-complexity`. */
export interface TheoryReport {
  schema: typeof THEORY_REPORT_SCHEMA;
  experiment: 'parity' | 'length-complexity';
  title: string;
  createdAt: string;
  command?: string;
  recipe: Record<string, unknown>;
  axes: Record<string, readonly (string | number | boolean)[]>;
  compiled: CompiledCheck[];
  summary: SummaryRow[];
  cells: CellRecord[];
  /** Wall-clock seconds of the whole run (resumed cells count their original time). */
  seconds: number;
  backend: string;
  notes: string[];
}

function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/**
 * Averages finished cells over seeds into (n, format, model) rows.
 *
 * @example summarise(table.rows, 'bits')
 */
export function summarise(cells: readonly CellRecord[], sizeAxis: string): SummaryRow[] {
  const groups = new Map<string, CellRecord[]>();
  for (const c of cells) {
    const key = `${String(c.cell[sizeAxis])}|${String(c.cell['format'])}|${String(c.cell['model'])}`;
    const g = groups.get(key) ?? [];
    g.push(c);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => {
    const done = g.filter((c) => c.status === 'done');
    const num = (c: CellRecord, k: string): number | undefined => (typeof c.metrics[k] === 'number' ? c.metrics[k] : undefined);
    const vals = (k: string): number[] => done.map((c) => num(c, k)).filter((v): v is number => v !== undefined);
    const first = g[0]!;
    const row: SummaryRow = {
      n: Number(first.cell[sizeAxis]),
      format: String(first.cell['format']),
      model: String(first.cell['model']),
      cotLength: Math.max(0, ...vals('cotLength')),
      seeds: done.length,
      testAnswer: mean(vals('testAnswer')),
      testExact: mean(vals('testExact')),
      trainExact: mean(vals('trainExact')),
      solved: vals('testExact').filter((v) => v === 1).length,
    };
    if (vals('longerExact').length > 0) row.longerExact = mean(vals('longerExact'));
    return row;
  });
}
