import { cellId, gridCells, type Axes, type Cell } from './grid.js';

/** What one cell measured: flat, JSON-friendly values (null for "not measured"). */
export type CellMetrics = Record<string, number | string | boolean | null>;

/** A finished cell as the store keeps it. */
export interface CellRecord {
  id: string;
  cell: Cell;
  status: 'done' | 'failed';
  metrics: CellMetrics;
  /** Wall-clock seconds the cell took. */
  seconds: number;
  /** Why it failed (status 'failed'). */
  error?: string;
  finishedAt: string;
}

/** Where finished cells live, so an interrupted sweep resumes instead of rerunning them. */
export interface SweepStore {
  get(id: string): Promise<CellRecord | undefined>;
  put(record: CellRecord): Promise<void>;
}

/** A store in memory (tests, one-off sweeps); `directorySweepStore` in `@cotlab/evaluator/node` keeps one file per cell. */
export function memorySweepStore(): SweepStore & { records: Map<string, CellRecord> } {
  const records = new Map<string, CellRecord>();
  return {
    records,
    get: (id) => Promise.resolve(records.get(id)),
    put: (record) => {
      records.set(record.id, record);
      return Promise.resolve();
    },
  };
}

export interface SweepProgress {
  /** Cells finished (run now or read back). */
  done: number;
  total: number;
  cell: Cell;
  /** 'resumed' when the cell was read back from the store. */
  event: 'start' | 'done' | 'failed' | 'resumed';
  record?: CellRecord;
}

export interface RunSweepOptions {
  axes: Axes;
  /** Runs one cell; honours the signal. Throwing marks the cell failed (the sweep goes on). */
  run: (cell: Cell, context: { index: number; total: number; signal?: AbortSignal }) => Promise<CellMetrics>;
  store?: SweepStore;
  /** Run failed cells again when resuming (default true). */
  retryFailed?: boolean;
  onProgress?: (progress: SweepProgress) => void;
  /** Stops after the current cell; a cell interrupted by it is not recorded. */
  signal?: AbortSignal;
  /** Clock in milliseconds, for tests. */
  now?: () => number;
}

/** A sweep's single table: one row per cell, axis values then metrics. */
export interface SweepTable {
  axes: string[];
  /** Metric names, in first-seen order. */
  metrics: string[];
  rows: CellRecord[];
}

/**
 * Runs a grid (formats × models × sizes × seeds, …) cell by cell and collects one table.
 * Finished cells are read back from the store, not rerun, so a sweep stopped halfway resumes.
 *
 * @example
 * const table = await runSweep({
 *   axes: { format: ['malach', 'stepwise'], model: ['linear', 'mlp'] },
 *   run: async (cell) => ({ exactMatch: await trainAndScore(cell) }),
 *   store: directorySweepStore('runs/formats'),
 * });
 */
export async function runSweep(options: RunSweepOptions): Promise<SweepTable> {
  const cells = gridCells(options.axes);
  const store = options.store ?? memorySweepStore();
  const retryFailed = options.retryFailed ?? true;
  const now = options.now ?? (() => Date.now());
  const rows: CellRecord[] = [];
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index]!;
    const id = cellId(cell);
    const previous = await store.get(id);
    if (previous !== undefined && (previous.status === 'done' || !retryFailed)) {
      rows.push(previous);
      options.onProgress?.({ done: rows.length, total: cells.length, cell, event: 'resumed', record: previous });
      continue;
    }
    options.signal?.throwIfAborted();
    options.onProgress?.({ done: rows.length, total: cells.length, cell, event: 'start' });
    const started = now();
    let record: CellRecord;
    try {
      const metrics = await options.run(cell, options.signal === undefined ? { index, total: cells.length } : { index, total: cells.length, signal: options.signal });
      record = { id, cell, status: 'done', metrics, seconds: (now() - started) / 1000, finishedAt: new Date().toISOString() };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      record = {
        id, cell, status: 'failed', metrics: {}, seconds: (now() - started) / 1000,
        error: error instanceof Error ? error.message : String(error), finishedAt: new Date().toISOString(),
      };
    }
    await store.put(record);
    rows.push(record);
    options.onProgress?.({ done: rows.length, total: cells.length, cell, event: record.status, record });
  }
  const metrics: string[] = [];
  for (const row of rows) for (const key of Object.keys(row.metrics)) if (!metrics.includes(key)) metrics.push(key);
  return { axes: Object.keys(options.axes), metrics, rows };
}
