// Benchmarks that measure in fresh processes run their own script again as a child.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs `script` (an import.meta.url) in a child Node process with the same loader flags, extra
 * `env` and `args`, stderr passed through; resolves to the last line it printed.
 *
 * @example const ms = Number(await lastLineOfChild(import.meta.url, { BENCH_CHILD: '0' }));
 */
export function lastLineOfChild(script: string, env: Record<string, string>, args: readonly string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, fileURLToPath(script), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').pop() ?? '') : reject(new Error(`benchmark child ${fileURLToPath(script)} exited with ${code}`))));
  });
}

/**
 * Env for children whose timed work must overlap (two processes at once): each one, once set up,
 * waits for this moment ({@link waitForStart}) — else one child's start-up can cover the other's
 * whole measurement and two "concurrent" runs barely overlap.
 */
export function startTogether(leadMs = 4000): Record<string, string> {
  return { BENCH_START_AT: String(Date.now() + leadMs) };
}

/** In a child: waits until the moment its parent gave ({@link startTogether}), if any; warns when set-up ran past it. */
export async function waitForStart(): Promise<void> {
  const at = Number(process.env['BENCH_START_AT'] ?? 0);
  if (at === 0) return;
  const wait = at - Date.now();
  if (wait < 0) console.error(`bench: child set up ${-wait} ms after the common start: the two runs overlap less`);
  else await new Promise((resolve) => setTimeout(resolve, wait));
}
