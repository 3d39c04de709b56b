import { markdownTable, percent } from '../render/format.js';
import type { SweepTable } from './run-sweep.js';

/** How a metric column is printed. */
export type MetricFormat = 'percent' | 'integer' | 'fixed' | 'seconds' | 'text';

export interface SweepMarkdownOptions {
  /** Formats per metric; unlisted numbers print with 4 significant digits. */
  formats?: Record<string, MetricFormat>;
  /** Metrics to show, in order (default: all). */
  metrics?: readonly string[];
}

function formatValue(value: unknown, format: MetricFormat | undefined): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'number') return JSON.stringify(value);
  switch (format) {
    case 'percent':
      return percent(value);
    case 'integer':
      return Math.round(value).toLocaleString('en-US');
    case 'fixed':
      return value.toFixed(3);
    case 'seconds':
      return `${Math.round(value)} s`;
    default:
      return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  }
}

/**
 * Renders a sweep as one Markdown table: a row per cell, the axis values, the metrics, the
 * wall-clock time and the status (failed cells show their error).
 *
 * @example writeFileSync('formats.md', renderSweepMarkdown(table, { formats: { exactMatch: 'percent' } }));
 */
export function renderSweepMarkdown(table: SweepTable, options: SweepMarkdownOptions = {}): string {
  const metrics = options.metrics ?? table.metrics;
  const header = [...table.axes, ...metrics, 'time', 'status'];
  const rows = table.rows.map((row) => [
    ...table.axes.map((axis) => String(row.cell[axis])),
    ...metrics.map((m) => formatValue(row.metrics[m], options.formats?.[m])),
    `${Math.round(row.seconds)} s`,
    row.status === 'done' ? 'done' : `failed: ${row.error ?? ''}`,
  ]);
  return markdownTable(header, rows, header.map((_, i) => (i < table.axes.length ? 'l' : 'r')));
}

/**
 * A two-way Markdown table of one metric, e.g. exact match by format (rows) × model (columns).
 *
 * @example pivotMarkdown(table, { row: 'format', column: 'model', metric: 'exactMatch', format: 'percent' });
 */
export function pivotMarkdown(table: SweepTable, axes: { row: string; column: string; metric: string; format?: MetricFormat }): string {
  const rowValues: string[] = [];
  const colValues: string[] = [];
  const cells = new Map<string, unknown>();
  for (const r of table.rows) {
    const rv = String(r.cell[axes.row]);
    const cv = String(r.cell[axes.column]);
    if (!rowValues.includes(rv)) rowValues.push(rv);
    if (!colValues.includes(cv)) colValues.push(cv);
    cells.set(`${rv}\u0000${cv}`, r.status === 'done' ? r.metrics[axes.metric] : 'failed');
  }
  const rows = rowValues.map((rv) => [rv, ...colValues.map((cv) => formatValue(cells.get(`${rv}\u0000${cv}`), axes.format))]);
  return markdownTable([`${axes.row} \\ ${axes.column}`, ...colValues], rows, ['l', ...colValues.map(() => 'r' as const)]);
}
