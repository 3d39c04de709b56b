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
