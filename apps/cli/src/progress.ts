/** A progress bar for long CLI work: bar, rate and ETA on a terminal; a plain line every few seconds otherwise. */
export interface ProgressBar {
  /** `done` units of `total` are complete; `extra` is shown after the rate (e.g. `loss 1.23`). */
  update(done: number, extra?: string): void;
  /** Ends the bar; prints `summary` (or the final state) on its own line. */
  finish(summary?: string): void;
}

export interface ProgressBarOptions {
  label: string;
  total: number;
  /** What is counted, for the rate: `steps`, `examples`, `tokens`… */
  unit?: string;
  stream?: NodeJS.WritableStream;
  /** Minimum time between redraws. */
  intervalMs?: number;
  /** Clock, for tests. */
  now?: () => number;
  /** When the work began, on the same clock (default: now), for a bar created after work has started. */
  startedAt?: number;
}

const BAR_WIDTH = 24;
/** Non-terminal output (CI logs, pipes) gets one line per this many milliseconds. */
const PLAIN_LINE_INTERVAL_MS = 5_000;

/** `3725` → `1h02m`, `65` → `1m05s`, `7.2` → `7s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** `1234567` → `1.23M`. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return '?';
  if (perSecond >= 1e9) return `${(perSecond / 1e9).toFixed(2)}G`;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)}M`;
  if (perSecond >= 1e4) return `${(perSecond / 1e3).toFixed(1)}k`;
  if (perSecond >= 100) return perSecond.toFixed(0);
  return perSecond.toPrecision(3);
}

/**
 * @example
 * const bar = createProgressBar({ label: 'train', total: 1000, unit: 'steps' });
 * for (let step = 1; step <= 1000; step++) bar.update(step, `loss ${loss.toFixed(3)}`);
 * bar.finish();
 */
export function createProgressBar(options: ProgressBarOptions): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const unit = options.unit ?? 'it';
  const isTTY = (stream as { isTTY?: boolean }).isTTY === true;
  const interval = options.intervalMs ?? (isTTY ? 100 : PLAIN_LINE_INTERVAL_MS);
  const start = options.startedAt ?? now();
  let lastDraw = -Infinity;
  let lastLine = '';
  let finished = false;

  const render = (done: number, extra?: string): string => {
    const total = Math.max(options.total, 0);
    const fraction = total > 0 ? Math.min(done / total, 1) : 0;
    const elapsed = (now() - start) / 1000;
    const rate = elapsed > 0 ? done / elapsed : NaN;
    const eta = rate > 0 ? (total - done) / rate : NaN;
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
    const pct = `${(fraction * 100).toFixed(0).padStart(3)}%`;
    return `${options.label} ${bar} ${pct} ${done}/${total} ${unit} · ${formatRate(rate)} ${unit}/s · ETA ${formatDuration(eta)} · ${formatDuration(elapsed)} elapsed${extra ? ` · ${extra}` : ''}`;
  };

  return {
    update(done, extra) {
      if (finished) return;
      const t = now();
      if (t - lastDraw < interval && done < options.total) return;
      lastDraw = t;
      lastLine = render(done, extra);
      stream.write(isTTY ? `\r\x1b[2K${lastLine}` : `${lastLine}\n`);
    },
    finish(summary) {
      if (finished) return;
      finished = true;
      const line = summary ?? lastLine;
      if (isTTY) stream.write(`\r\x1b[2K${line}\n`);
      else if (line !== lastLine || summary !== undefined) stream.write(`${line}\n`);
    },
  };
}
