import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared beside the checkout (or $COTLAB_SHARED). */
export function sharedFile(...parts: string[]): string {
  const root = process.env['COTLAB_SHARED'] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared');
  return join(root, ...parts);
}

/** Median of a few timings of `fn`, in milliseconds, after `before()` each time. */
export function timeMedian(reps: number, fn: () => void, before: () => void = () => undefined): number {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    before();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Prints a table and writes the JSON result beside the benchmark. */
export function report(name: string, rows: Record<string, string | number>[], extra: Record<string, unknown>): void {
  console.table(rows);
  const path = join(dirname(fileURLToPath(import.meta.url)), 'results', `${name}.json`);
  mkdirSync(dirname(path), { recursive: true });
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', platform: process.platform };
  writeFileSync(path, `${JSON.stringify({ benchmark: name, date: new Date().toISOString(), machine, ...extra, rows }, null, 2)}\n`);
  console.log(`wrote ${path}`);
}
